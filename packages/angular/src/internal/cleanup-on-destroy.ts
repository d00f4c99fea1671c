import { DestroyRef, type Injector } from '@angular/core';

/**
 * Runs `register` and undoes it when the caller's injector (component, directive, service) is destroyed.
 * The `DestroyRef` is looked up first, so a dead injector throws before anything is registered; an
 * already-destroyed `DestroyRef` is never registered on (NG0911): the registration is undone at once.
 */
export function cleanupOnDestroy<C extends () => void>(injector: Injector, register: () => C): C {
  const destroyRef = injector.get(DestroyRef);
  const cleanup = register();
  if (destroyRef.destroyed) cleanup();
  else destroyRef.onDestroy(cleanup);
  return cleanup;
}
