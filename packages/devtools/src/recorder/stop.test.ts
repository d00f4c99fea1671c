import { createBus } from '@mfe-bus/core';
import { expect, it } from 'vitest';
import { record } from './record';

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects garbage until `ref` is gone or it is clearly kept; false when it is still there. */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let attempt = 0; attempt < 10 && ref.deref(); attempt++) {
    // A WeakRef target stays alive until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    gc?.();
  }
  return ref.deref() === undefined;
}

function recordAndRef(stop: boolean) {
  const bus = createBus();
  const recorder = record(bus);
  const listener = () => {};
  recorder.subscribe(listener);
  bus.publish('t', { big: 'payload' });
  const entry = recorder.entries()[0]!;
  if (stop) recorder.stop();
  return { bus, listener: new WeakRef(listener), entry: new WeakRef(entry) };
}

it.runIf(gc)('leaves nothing on the bus after stop(): its entries and listeners can be collected', async () => {
  const stopped = recordAndRef(true);
  expect(await collected(stopped.listener)).toBe(true);
  expect(await collected(stopped.entry)).toBe(true);
  stopped.bus.destroy();
});

it.runIf(gc)('(control) a recorder that was not stopped is still held by the bus', async () => {
  const running = recordAndRef(false);
  expect(await collected(running.listener)).toBe(false);
  expect(await collected(running.entry)).toBe(false);
  running.bus.destroy();
});
