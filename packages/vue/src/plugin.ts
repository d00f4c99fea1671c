import { type Bus, getBus } from '@mfe-bus/core';
import type { App, InjectionKey } from 'vue';

/** Where `MfeBusPlugin` provides the bus; `useBus()` injects it. */
export const BUS_KEY: InjectionKey<Bus> = Symbol('mfe-bus');

export interface MfeBusPluginOptions {
  /** The bus this app's composables use. Default: the page-wide `getBus()`. */
  bus?: Bus;
}

/** `app.use(MfeBusPlugin, { bus })`: gives every component of the app the same bus. */
export const MfeBusPlugin = {
  install(app: App, options: MfeBusPluginOptions = {}): void {
    app.provide(BUS_KEY, options.bus ?? getBus());
  },
};
