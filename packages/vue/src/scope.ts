import { getCurrentScope, onScopeDispose } from 'vue';

/**
 * Ties `stop` to the current effect scope (a component's setup, or any `effectScope`). Outside a scope
 * nothing calls it: the caller gets it back and must call it; development builds warn.
 */
export function stopWithScope(stop: () => void, composable: string): () => void {
  if (getCurrentScope()) onScopeDispose(stop);
  // Written so that a bundler replacing `process.env.NODE_ENV` drops the warning from production builds;
  // without a bundler (plain ESM in a browser) there is no `process`: no warning.
  else if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
    console.warn(
      `[mfe-bus] ${composable}() was called outside a component setup or effectScope: ` +
        'nothing will clean it up, call the stop handle it returns yourself.',
    );
  }
  return stop;
}
