import { expect } from 'vitest';
import { NOTHING_REGISTERED } from '../support/counts';
import type { RequestsModel } from './requests-model';
import type { RequestsReal } from './requests-real';
import type { Outcome, ProviderEvent } from './vocabulary';

/**
 * After every command (once promises have settled): same provider calls and aborts, same request
 * outcomes at the same times, same counts. Within one instant, order is not compared: which of two
 * requesters' promises settles first is not part of the spec.
 */
export async function expectRequestsAgreement(model: RequestsModel, real: RequestsReal): Promise<void> {
  await real.flush();
  model.settleMicrotasks();
  expect(inTimeOrder(real.takeProviderEvents()), 'provider calls and aborts').toEqual(
    inTimeOrder(model.takeProviderEvents()),
  );
  expect(byRequest(real.takeOutcomes()), 'request outcomes').toEqual(byRequest(model.takeOutcomes()));
  expect(real.bus.inspect().counts, 'inspect().counts').toEqual({
    ...NOTHING_REGISTERED,
    providers: model.registeredProviders,
    pending: model.pendingRequesters,
  });
}

function inTimeOrder(events: ProviderEvent[]): ProviderEvent[] {
  const rank = (event: ProviderEvent) => [event.at, event.call, event.type === 'call' ? 0 : 1];
  return [...events].sort((a, b) => compareTuples(rank(a), rank(b)));
}

function byRequest(outcomes: Outcome[]): Outcome[] {
  return [...outcomes].sort((a, b) => compareTuples([a.at, a.request], [b.at, b.request]));
}

function compareTuples(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
