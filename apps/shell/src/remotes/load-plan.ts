import type { LoadPlan } from '../plan';
import type { RemoteSlot } from './remote-slot';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Loads and mounts the planned remotes one after another, waiting `delays[i]` before `order[i]`. */
export async function runLoadPlan(plan: LoadPlan, slots: ReadonlyMap<string, RemoteSlot>): Promise<void> {
  for (const [index, name] of plan.order.entries()) {
    const delay = plan.delays[index] ?? 0;
    if (delay > 0) await sleep(delay);
    await slots.get(name)?.mount();
  }
}
