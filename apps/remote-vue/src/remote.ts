import { getBus } from '@mfe-bus/core';
import { MfeBusPlugin } from '@mfe-bus/vue';
import { type OwnCounts, type RemoteModule, trackBus } from '@mfe-bus-demo/contracts';
import { createApp, type App as VueApp } from 'vue';
import App from './App.vue';

// Every composable below talks to the page-wide bus through this wrapper, which counts what this remote holds.
const tracked = trackBus(getBus());
let app: VueApp | undefined;

export function mount(element: HTMLElement): void {
  if (app) return;
  app = createApp(App, { counts: tracked.counts });
  app.use(MfeBusPlugin, { bus: tracked.bus });
  app.mount(element);
}

export function unmount(): void {
  app?.unmount();
  app = undefined;
}

export function counts(): OwnCounts {
  return tracked.counts();
}

export default { mount, unmount, counts } satisfies RemoteModule;
