import { getCurrentScope, onScopeDispose } from 'vue';

/** True in development. Bundlers replace `process.env.NODE_ENV`; without one (plain ESM) it throws: not dev. */
function isDev(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

/**
 * Ties `stop` to the current effect scope (a component's setup, or any `effectScope`). Outside a scope
 * nothing calls it: the caller gets it back and must call it; development builds warn.
 */
export function stopWithScope(stop: () => void, composable: string): () => void {
  if (getCurrentScope()) onScopeDispose(stop);
  else if (isDev()) {
    console.warn(
      `[mfe-bus] ${composable}() was called outside a component setup or effectScope: ` +
        'nothing will clean it up, call the stop handle it returns yourself.',
    );
  }
  return stop;
}
