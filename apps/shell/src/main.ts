import './style.css';
import { persistState } from '@mfe-bus/persist';
import { setUpAuth } from './auth';
import { bus, pageBus } from './bus';
import { installDemoContracts } from './contracts';
import { startDevtools } from './devtools';
import { byTestId } from './dom';
import { setUpFrameRemote } from './frame-remote';
import { setUpHeader } from './header';
import { startLive } from './live';
import { providePermissionsAfter } from './permissions';
import { parsePlan, REMOTE_NAMES } from './plan';
import { showUnknownRemotes } from './plan-notice';
import { runLoadPlan } from './remotes/load-plan';
import { createRemoteSlot, type RemoteSlot } from './remotes/remote-slot';
import { setUpTabs } from './tabs';

startDevtools(); // first, so the timeline starts with the shell's first writes
installDemoContracts(); // before anything is written, so every call is checked

// Shared state starts here: signed out, light theme (a remote may already have picked one on a reload).
bus.setState('user', (user) => user ?? null);
bus.setState('auth', (auth) => auth ?? null);
// The theme of the last visit, from localStorage, before anyone reads it (it wins over the default below).
persistState(pageBus, 'theme', { app: 'shell' });
bus.setState('theme', (theme) => theme ?? 'light');

setUpHeader();
setUpAuth();
setUpTabs(window.location.search);
startLive(window.location.search);

const plan = parsePlan(window.location.search);
showUnknownRemotes(plan.unknown);
providePermissionsAfter(plan.permissionsDelay);

const slots = new Map<string, RemoteSlot>(REMOTE_NAMES.map((name) => [name, createRemoteSlot(name)]));
byTestId('remotes').append(...[...slots.values()].map((slot) => slot.element));
setUpFrameRemote(window.location.search);
// Each remote's own registration counts, a few times a second.
setInterval(() => {
  for (const slot of slots.values()) slot.refresh();
}, 250);

void runLoadPlan(plan, slots);
