// What an app writes without a library: a bare `await`, and a Map cache of request results.
export { sink } from './common.js';

/** The floor of any asynchronous request API: awaiting an already resolved value. */
export function bareAwait() {
  const value = Promise.resolve({ id: 1 });
  let total = 0;
  return async (n) => {
    for (let i = 0; i < n; i++) total += (await value).id;
    return total;
  };
}

/** Results keyed by JSON.stringify(params) with an expiry, and in-flight promises shared by identical requests. */
function mapCache(provider, ttlMs) {
  const cache = new Map();
  const inFlight = new Map();
  return (params) => {
    const key = JSON.stringify(params);
    const hit = cache.get(key);
    if (hit && hit.expiresAt > Date.now()) return Promise.resolve(hit.value);
    let pending = inFlight.get(key);
    if (!pending) {
      pending = Promise.resolve(provider(params)).then((value) => {
        inFlight.delete(key);
        if (ttlMs > 0) cache.set(key, { value, expiresAt: Date.now() + ttlMs });
        return value;
      });
      inFlight.set(key, pending);
    }
    return pending;
  };
}

export async function cachedRequest() {
  const request = mapCache(({ id }) => ({ id }), 3_600_000);
  await request({ id: 1 });
  let total = 0;
  return async (n) => {
    for (let i = 0; i < n; i++) total += (await request({ id: 1 })).id;
    return total;
  };
}
