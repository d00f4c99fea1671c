/** A fixed-capacity list that drops its oldest item when full. */
export interface Ring<Item> {
  /** Adds `item`; returns the item it dropped to make room, if any. */
  push(item: Item): Item | undefined;
  /** Oldest first. */
  toArray(): Item[];
  /** The newest item. */
  last(): Item | undefined;
  clear(): void;
}

export function createRing<Item>(capacity: number): Ring<Item> {
  let items: Item[] = [];
  let start = 0; // index of the oldest item once the ring is full
  return {
    push(item) {
      if (items.length < capacity) {
        items.push(item);
        return undefined;
      }
      const dropped = items[start];
      items[start] = item;
      start = (start + 1) % capacity;
      return dropped;
    },
    toArray: () => [...items.slice(start), ...items.slice(0, start)],
    last: () => items[(start || items.length) - 1],
    clear() {
      items = [];
      start = 0;
    },
  };
}
