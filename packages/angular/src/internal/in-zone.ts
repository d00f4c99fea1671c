import type { NgZone } from '@angular/core';

/**
 * Bus callbacks come from other apps, outside this app's zone: re-enter it so zone.js change detection
 * sees the writes. Zoneless, `NgZone` is a no-op zone and this just calls `fn`.
 */
export function inZone<Args extends unknown[], R>(zone: NgZone, fn: (...args: Args) => R): (...args: Args) => R {
  return (...args) => zone.run(() => fn(...args));
}
