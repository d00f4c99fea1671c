import { assertInInjectionContext, Injector, inject } from '@angular/core';

/** The injector of whoever calls `fn`: the `injector` option, or the current injection context's. */
// biome-ignore lint/complexity/noBannedTypes: assertInInjectionContext names any function in its error
export function callerInjector(fn: Function, injector: Injector | undefined): Injector {
  if (injector) return injector;
  assertInInjectionContext(fn);
  return inject(Injector);
}
