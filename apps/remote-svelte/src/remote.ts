import type { RemoteModule } from '@mfe-bus-demo/contracts';
import { mount as mountComponent, unmount as unmountComponent } from 'svelte';
import App from './App.svelte';

let app: ReturnType<typeof mountComponent> | undefined;

export function mount(element: HTMLElement): void {
  if (app) return;
  app = mountComponent(App, { target: element });
}

export function unmount(): void {
  if (app) void unmountComponent(app);
  app = undefined;
}

export default { mount, unmount } satisfies RemoteModule;
