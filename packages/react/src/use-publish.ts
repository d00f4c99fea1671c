import type { Bus } from '@mfe-bus/core';
import { useCallback } from 'react';
import { useBus } from './bus-context';

/** A publish function that keeps its identity for a given bus (safe in effect dependencies). */
export function usePublish(): Bus['publish'] {
  const bus = useBus();
  return useCallback<Bus['publish']>((topic, payload) => bus.publish(topic, payload), [bus]);
}
