import { type RefObject, useInsertionEffect, useRef } from 'react';

/**
 * A ref that always holds the last committed `value`, so a long-lived registration can call the latest
 * handler without being redone on every render. Updated in an insertion effect: before any layout or
 * passive effect of the same commit runs, and never from a render React may throw away.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useInsertionEffect(() => {
    ref.current = value;
  });
  return ref;
}
