// @leanjs/core's runtime state: `state.set/get/listen` on props declared up front, and `state.load(prop, loader)`,
// which calls the loader once and afterwards returns the loaded value (its cached request).
import { configureRuntime } from '@leanjs/core';
import { handlers, READ_KEYS } from './common.js';

export { sink } from './common.js';

const readCount = (value) => value.count;

function createRuntime() {
  const { createRuntime } = configureRuntime({
    cart: { count: 0 },
    user: null,
    ...Object.fromEntries(READ_KEYS.map((key) => [key, null])),
  })({ onError: () => {} });
  return createRuntime({ request: { url: 'http://localhost/' } });
}

export function setState(watchers) {
  const { state } = createRuntime();
  for (const listener of handlers(watchers, readCount)) state.listen('cart', listener);
  return (n) => {
    for (let i = 0; i < n; i++) state.set('cart', { count: i });
  };
}

export function getState() {
  const { state } = createRuntime();
  for (const key of READ_KEYS) state.set(key, { count: 1 });
  let total = 0;
  return (n) => {
    for (let i = 0; i < n; i++) total += state.get(READ_KEYS[i & 3]).count;
    return total;
  };
}

export async function cachedRequest() {
  const { state } = createRuntime();
  const loadUser = () => ({ id: 1 });
  await state.load('user', loadUser);
  let total = 0;
  return async (n) => {
    for (let i = 0; i < n; i++) total += (await state.load('user', loadUser)).id;
    return total;
  };
}
