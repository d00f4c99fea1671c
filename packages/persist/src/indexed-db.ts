import type { PersistStorage } from './types';

export interface IndexedDbOptions {
  /** Default `mfe-bus`. */
  database?: string;
  /** Default `state`. */
  store?: string;
}

const settled = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/**
 * An asynchronous storage in IndexedDB, for values too large for localStorage or wanted off the main
 * thread's storage. Reads are asynchronous: `bus.getState(key)` is `undefined` until `hydrated(bus, key)`
 * resolves. Other tabs' writes are not followed.
 */
export function indexedDbStorage({ database = 'mfe-bus', store = 'state' }: IndexedDbOptions = {}): PersistStorage {
  let opened: Promise<IDBDatabase> | undefined;
  const run = <T>(mode: IDBTransactionMode, act: (objects: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(database, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(store);
      settled(request).then(resolve, reject);
    });
    return opened.then((db) => settled(act(db.transaction(store, mode).objectStore(store))));
  };
  return {
    getItem: (name) => run('readonly', (objects) => objects.get(name)).then((text) => text ?? null),
    setItem: (name, value) => run('readwrite', (objects) => objects.put(value, name)).then(() => {}),
    removeItem: (name) => run('readwrite', (objects) => objects.delete(name)).then(() => {}),
  };
}
