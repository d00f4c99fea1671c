import { atom } from 'nanostores';
import { handlers, largeRecord, READ_KEYS } from './common.js';

export { sink } from './common.js';

const readCount = (value) => value.count;

export function setState(watchers) {
  const $cart = atom({ count: 0 });
  for (const listener of handlers(watchers, readCount)) $cart.listen(listener);
  return (n) => {
    for (let i = 0; i < n; i++) $cart.set({ count: i });
  };
}

/** Each with one listener: `get()` on a store nobody listens to mounts and unmounts it every call. */
export function getState() {
  const stores = READ_KEYS.map(() => atom({ count: 1 }));
  for (const $store of stores) $store.listen(() => {});
  let total = 0;
  return (n) => {
    for (let i = 0; i < n; i++) total += stores[i & 3].get().count;
    return total;
  };
}

export function setStateSharingLarge(keys) {
  const $catalogue = atom({ items: Object.freeze(largeRecord(keys)), count: 0 });
  const [watcher] = handlers(1, readCount);
  $catalogue.listen(watcher);
  return (n) => {
    for (let i = 0; i < n; i++) $catalogue.set({ items: $catalogue.get().items, count: i });
  };
}
