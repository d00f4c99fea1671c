import { createCleanup } from '../internal/cleanup';
import { topicsOverlap } from '../pubsub/topic-pattern';
import type { Cleanup, DemandStart } from '../types';

interface Demand {
  name: string;
  start: DemandStart;
  /** Subscriptions and watchers whose topic, pattern or key overlaps `name`. */
  listeners: number;
  stop?: (() => void) | undefined;
}

export type DemandFailure = (error: unknown, hook: 'start' | 'stop', name: string) => void;

/**
 * `bus.onDemand`: counts the listeners of each registered topic, pattern or state key, starting the work
 * on the first and stopping it after the last (as nanostores' `onMount`).
 */
export function createDemands(fail: DemandFailure, currentListeners: () => Iterable<string>) {
  let demands: readonly Demand[] = [];

  function begin(demand: Demand): void {
    let stop: unknown;
    try {
      stop = demand.start(demand.name);
    } catch (error) {
      fail(error, 'start', demand.name);
      return;
    }
    if (typeof stop === 'function') demand.stop = stop as () => void;
  }

  function end(demand: Demand): void {
    const { stop } = demand;
    demand.stop = undefined;
    try {
      stop?.();
    } catch (error) {
      fail(error, 'stop', demand.name);
    }
  }

  function unregister(demand: Demand): void {
    demands = demands.filter((item) => item !== demand);
    if (demand.listeners > 0) end(demand);
  }

  return {
    /** Hot paths check this before telling of a listener. */
    get size() {
      return demands.length;
    },
    listenerAdded(name: string): void {
      for (const demand of demands) if (topicsOverlap(demand.name, name) && demand.listeners++ === 0) begin(demand);
    },
    listenerRemoved(name: string): void {
      for (const demand of demands) if (topicsOverlap(demand.name, name) && --demand.listeners === 0) end(demand);
    },
    register(name: string, start: DemandStart): Cleanup {
      const demand: Demand = { name, start, listeners: 0 };
      for (const listener of currentListeners()) if (topicsOverlap(name, listener)) demand.listeners++;
      demands = [...demands, demand];
      if (demand.listeners > 0) begin(demand);
      return createCleanup(unregister, demand);
    },
    clear(): void {
      const active = demands.filter((demand) => demand.listeners > 0);
      demands = [];
      for (const demand of active) end(demand);
    },
  };
}

export type Demands = ReturnType<typeof createDemands>;
