import { getCurrentScope, onScopeDispose, warn } from 'vue';

/**
 * Ties `stop` to the current effect scope (a component's setup, or any `effectScope`). Outside a scope
 * nothing calls it: the caller gets it back and must call it; Vue's development builds warn (Vue's `warn`
 * is a no-op in its production builds, and goes to `app.config.warnHandler` when one is set).
 */
export function stopWithScope(stop: () => void, composable: string): () => void {
  if (getCurrentScope()) onScopeDispose(stop);
  else {
    warn(
      `[mfe-bus] ${composable}() was called outside a component setup or effectScope: ` +
        'nothing will clean it up, call the stop handle it returns yourself.',
    );
  }
  return stop;
}
