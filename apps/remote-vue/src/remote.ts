import { MfeBusPlugin } from '@mfe-bus/vue';
import type { RemoteModule } from '@mfe-bus-demo/contracts';
import { createApp, type App as VueApp } from 'vue';
import App from './App.vue';

let app: VueApp | undefined;

export function mount(element: HTMLElement): void {
  if (app) return;
  app = createApp(App);
  // The app name, given once: every composable goes through the page-wide bus's "vue" scope.
  app.use(MfeBusPlugin, { app: 'vue' });
  app.mount(element);
}

export function unmount(): void {
  app?.unmount();
  app = undefined;
}

export default { mount, unmount } satisfies RemoteModule;
