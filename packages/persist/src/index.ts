export { hydrated } from './hydrated';
export { type IndexedDbOptions, indexedDbStorage } from './indexed-db';
export { persistState } from './persist-state';
export type { Migration, PersistOptions, PersistStorage, StoredRecord } from './types';
