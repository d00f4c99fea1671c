import { createBus } from '@mfe-bus/core';
import { atom } from 'nanostores';
import { makeHandlers, measure } from '../measure.js';

const KEY = 'cart';
const readCount = (value) => value.count;

function setStateTasks(watchers) {
  const batch = watchers >= 100 ? 50 : 500;
  const bus = createBus();
  for (const listener of makeHandlers(watchers, readCount)) bus.watchState(KEY, listener);
  const $cart = atom({ count: 0 });
  for (const listener of makeHandlers(watchers, readCount)) $cart.listen(listener);
  // Both get a new object per update, as an app would set a new immutable value.
  let a = 0;
  let b = 0;
  return [
    {
      lib: 'mfe-bus',
      batch,
      fn: () => {
        for (let i = 0; i < batch; i++) bus.setState(KEY, { count: a++ });
      },
    },
    {
      lib: 'nanostores',
      batch,
      fn: () => {
        for (let i = 0; i < batch; i++) $cart.set({ count: b++ });
      },
    },
  ];
}

function getStateTasks() {
  const batch = 1000;
  const bus = createBus();
  bus.setState(KEY, { count: 1 });
  // One watcher each: a mounted store (nanostores' get() on a store nobody listens to mounts it first).
  bus.watchState(KEY, () => {});
  const $cart = atom({ count: 1 });
  $cart.listen(() => {});
  let total = 0;
  return [
    {
      lib: 'mfe-bus',
      batch,
      fn: () => {
        for (let i = 0; i < batch; i++) total += bus.getState(KEY).count;
        return total;
      },
    },
    {
      lib: 'nanostores',
      batch,
      fn: () => {
        for (let i = 0; i < batch; i++) total += $cart.get().count;
        return total;
      },
    },
  ];
}

export async function runState() {
  const rows = [];
  for (const watchers of [1, 10, 100]) {
    rows.push(
      ...(await measure(`setState with ${watchers} watcher${watchers > 1 ? 's' : ''}`, setStateTasks(watchers))),
    );
  }
  rows.push(...(await measure('getState', getStateTasks())));
  return rows;
}
