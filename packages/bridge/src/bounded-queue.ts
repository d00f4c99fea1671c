/**
 * What waits for a connection, at most `limit` items: when full, the oldest goes. `overflow` is told of the
 * first item dropped since the queue was last drained, not of each one.
 */
export function createBoundedQueue<Item>(limit: number, overflow: (dropped: Item) => void) {
  let items: Item[] = [];
  let overflowing = false;
  return {
    push(item: Item): void {
      items.push(item);
      if (items.length <= limit) return;
      const dropped = items.shift() as Item;
      if (!overflowing) overflow(dropped);
      overflowing = true;
    },
    drain(): Item[] {
      const drained = items;
      items = [];
      overflowing = false;
      return drained;
    },
  };
}
