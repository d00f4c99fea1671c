import { ownCounts, type RemoteModule, type RemoteName } from '@mfe-bus-demo/contracts';
import { bus } from '../bus';
import { el, setText } from '../dom';
import { plural } from '../text';
import { loadRemote } from './load-remote';
import { logMount } from './mount-log';

const TITLES: Record<RemoteName, string> = { react: 'React', vue: 'Vue', svelte: 'Svelte', angular: 'Angular' };

export interface RemoteSlot {
  name: RemoteName;
  element: HTMLElement;
  mount(): Promise<void>;
  unmount(): void;
  /** Refresh the remote's own registration counts, from `inspect().apps` (called by the debug panel's ticker). */
  refresh(): void;
}

/** One remote's frame in the shell: status, own bus counts, mount/unmount buttons and the mount point. */
export function createRemoteSlot(name: RemoteName): RemoteSlot {
  const status = el('span', { 'data-testid': `${name}-status` }, 'not loaded');
  const framework = el('span', { 'data-testid': `${name}-framework`, class: 'muted' });
  const counts = el('span', { 'data-testid': `${name}-own-counts`, class: 'muted' });
  const mountButton = el('button', { type: 'button', 'data-testid': `${name}-mount` }, 'Mount');
  const unmountButton = el('button', { type: 'button', 'data-testid': `${name}-unmount`, disabled: '' }, 'Unmount');
  const body = el('div', { class: 'slot-body', 'data-testid': `${name}-root` });
  // Where an unmounted remote's card says so, and what it left on the bus (zero, unless it leaks).
  const unmountedNote = el('p', { class: 'slot-note muted', 'data-testid': `${name}-unmounted-note`, hidden: '' });
  const element = el(
    'article',
    { class: 'remote-slot', 'data-remote': name },
    el('div', { class: 'slot-bar' }, el('strong', {}, TITLES[name]), framework, status, mountButton, unmountButton),
    el('div', { class: 'slot-counts' }, counts),
    unmountedNote,
    body,
  );

  let module: RemoteModule | undefined;
  let mounted = false;

  function refresh(): void {
    if (!module) return;
    const own = ownCounts(bus.inspect(), name);
    setText(
      counts,
      `own: ${plural(own.subscribers, 'subscriber')} · ${plural(own.watchers, 'watcher')} · ${plural(own.providers, 'provider')}`,
    );
    const left = own.subscribers + own.watchers + own.providers;
    setText(unmountedNote, `${TITLES[name]} is unmounted: it left ${plural(left, 'registration')} on the bus.`);
  }

  async function askStatus(): Promise<void> {
    try {
      const answer = await bus.request(`remote:${name}:status`, undefined, { timeoutMs: 5_000 });
      setText(framework, answer.framework);
    } catch {
      // Unmounted before it answered: nothing to show.
    }
  }

  async function mount(): Promise<void> {
    if (mounted) return;
    mounted = true;
    mountButton.disabled = true;
    setText(status, module ? 'mounting' : 'loading');
    try {
      module ??= await loadRemote(name);
      unmountedNote.hidden = true;
      await module.mount(body);
      setText(status, 'mounted');
      logMount(name);
      unmountButton.disabled = false;
      refresh();
      void askStatus();
    } catch (error) {
      mounted = false;
      mountButton.disabled = false;
      setText(status, 'failed to load');
      console.error(`[shell] remote "${name}" failed to load`, error);
    }
  }

  function unmount(): void {
    if (!mounted || !module) return;
    module.unmount();
    mounted = false;
    setText(status, 'unmounted');
    unmountedNote.hidden = false;
    unmountButton.disabled = true;
    mountButton.disabled = false;
    refresh();
  }

  mountButton.addEventListener('click', () => void mount());
  unmountButton.addEventListener('click', unmount);
  return { name, element, mount, unmount, refresh };
}
