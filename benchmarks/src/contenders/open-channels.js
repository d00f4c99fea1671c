// Open message channels keep a process alive, and each contender instance has its own copy of this module: they
// all list what closes their channels in one registry on globalThis, which the bridge suite empties at its end.
const REGISTRY = Symbol.for('mfe-bus-bench/open-channels');

/** Runs `close` when the suite ends (`closeAll`). */
export function closeAtEnd(close) {
  globalThis[REGISTRY] ??= [];
  globalThis[REGISTRY].push(close);
}

export function closeAll() {
  for (const close of globalThis[REGISTRY]?.splice(0) ?? []) close();
}
