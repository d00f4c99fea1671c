import { InvalidArgumentError } from '../errors';
import { createCleanup } from '../internal/cleanup';
import { toJsonable } from '../internal/jsonable';
import type { BusPlugin, Cleanup, PluginTools, Source } from '../types';

type Hook = 'publish' | 'setState' | 'provide' | 'request' | 'result';
type Step = (plugin: BusPlugin, value: unknown) => unknown;

/** Plugins installed with `bus.use`, in installation order. */
export interface Plugins {
  /** The hot paths check `list.length` before building anything for plugins (a plain field, not a getter). */
  list: readonly BusPlugin[];
  add(plugin: BusPlugin, tools: PluginTools): Cleanup;
  /** Runs a synchronous hook through every plugin; what a plugin throws is reported and rethrown. */
  pipe(hook: Hook, name: string, source: Source, value: unknown, step: Step): unknown;
  /** The same for hooks that may return a promise: gives a value or a promise of one. */
  pipeAsync(hook: Hook, name: string, source: Source, value: unknown, step: Step): unknown;
  /** Whether a plugin's `sensitive` hook says so (one that throws says yes). */
  isSensitive(kind: 'event' | 'state', name: string): boolean;
  /** `value` as observers and `inspect()` may see it: a JSON-able copy, or `"[Sensitive]"` if a plugin says so. */
  shown(kind: 'event' | 'state', name: string, value: unknown): unknown;
  clear(): void;
}

const SENSITIVE = '[Sensitive]';

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  (typeof value === 'object' || typeof value === 'function') &&
  value !== null &&
  typeof (value as { then?: unknown }).then === 'function';

export function createPlugins(refused: (error: unknown, hook: Hook, name: string, source: Source) => void): Plugins {
  function run(hook: Hook, name: string, source: Source, plugin: BusPlugin, value: unknown, step: Step): unknown {
    try {
      return step(plugin, value);
    } catch (error) {
      refused(error, hook, name, source);
      throw error;
    }
  }

  function pipeFrom(
    from: number,
    plugins: readonly BusPlugin[],
    hook: Hook,
    name: string,
    source: Source,
    value: unknown,
    step: Step,
  ): unknown {
    for (let i = from; i < plugins.length; i++) {
      const plugin = plugins[i] as BusPlugin;
      if (typeof plugin[hook] !== 'function') continue;
      const next = run(hook, name, source, plugin, value, step);
      if (!isThenable(next)) {
        value = next;
        continue;
      }
      return Promise.resolve(next).then(
        (resolved) => pipeFrom(i + 1, plugins, hook, name, source, resolved, step),
        (error: unknown) => {
          refused(error, hook, name, source);
          throw error;
        },
      );
    }
    return value;
  }

  function remove(plugin: BusPlugin): void {
    plugins.list = plugins.list.filter((item) => item !== plugin);
  }

  const plugins: Plugins = {
    list: [],
    add(plugin, tools) {
      if (typeof plugin !== 'object' || plugin === null) {
        throw new InvalidArgumentError('a plugin must be an object of hooks');
      }
      plugin.setup?.(tools);
      plugins.list = [...plugins.list, plugin];
      return createCleanup(remove, plugin);
    },
    pipe(hook, name, source, value, step) {
      for (const plugin of plugins.list) {
        if (typeof plugin[hook] !== 'function') continue;
        value = run(hook, name, source, plugin, value, step);
        if (isThenable(value)) {
          const error = new InvalidArgumentError(
            `plugin ${plugin.name ?? '(unnamed)'}: the ${hook} hook returned a promise, but ${hook} is synchronous`,
          );
          refused(error, hook, name, source);
          throw error;
        }
      }
      return value;
    },
    pipeAsync(hook, name, source, value, step) {
      return pipeFrom(0, plugins.list, hook, name, source, value, step);
    },
    isSensitive(kind, name) {
      for (const plugin of plugins.list) {
        // A hook that throws counts as "sensitive": when in doubt, show nothing.
        try {
          if (plugin.sensitive?.(kind, name)) return true;
        } catch {
          return true;
        }
      }
      return false;
    },
    shown(kind, name, value) {
      return plugins.isSensitive(kind, name) ? SENSITIVE : toJsonable(value);
    },
    clear() {
      plugins.list = [];
    },
  };
  return plugins;
}
