import { type Bus, type BusApi, getBus, scopeOf } from '@mfe-bus/core';
import type { App, InjectionKey } from 'vue';

/** Where `MfeBusPlugin` provides the bus (or the app's scope of it); `useBus()` injects it. */
export const BUS_KEY: InjectionKey<BusApi> = Symbol('mfe-bus');

export interface MfeBusPluginOptions {
  /** The bus this app's composables use. Default: the page-wide `getBus()`. */
  bus?: Bus;
  /**
   * The app (microfrontend) this Vue app is: composables go through `bus.scope(app)`, so what they publish
   * carries `meta.source = app` and `inspect().apps` counts what they hold. The scope is disposed on
   * `app.unmount()` (Vue 3.5+, `app.onUnmount`).
   */
  app?: string;
}

/** `app.use(MfeBusPlugin, { app: 'cart' })`: gives every component of the app the same bus, scoped to `app`. */
export const MfeBusPlugin = {
  install(vueApp: App, { bus = getBus(), app }: MfeBusPluginOptions = {}): void {
    if (app === undefined) {
      vueApp.provide(BUS_KEY, bus);
      return;
    }
    const scope = scopeOf(bus, app);
    // Vue before 3.5 has no onUnmount: composables still undo their own registrations, leftovers stay.
    if (typeof vueApp.onUnmount === 'function') vueApp.onUnmount(() => scope.dispose());
    vueApp.provide(BUS_KEY, scope);
  },
};
