import { expect } from 'vitest';
import { NOTHING_REGISTERED } from '../support/counts';
import type { PubSubModel } from './pubsub-model';
import type { PubSubReal } from './pubsub-real';
import { payloadId, TOPICS } from './vocabulary';

/** After every command: same deliveries and errors, same replay buffers, same counts. */
export function expectPubSubAgreement(model: PubSubModel, real: PubSubReal): void {
  expect(real.takeLog(), 'deliveries and errors').toEqual(model.takeLog());
  const snapshot = real.bus.inspect();
  for (const topic of TOPICS) {
    const buffered = snapshot.topics.find((entry) => entry.topic === topic)?.buffered ?? [];
    for (const event of buffered) real.seqs.learn(payloadId(event.payload), event.seq);
    expect(
      buffered.map((event) => payloadId(event.payload)),
      `inspect(): buffered events of ${topic}`,
    ).toEqual(model.liveEvents(topic).map((event) => event.id));
  }
  expect(real.seqs.problems, 'meta.seq').toEqual([]);
  expect(snapshot.counts, 'inspect().counts').toEqual({ ...NOTHING_REGISTERED, subscribers: model.activeSubscribers });
}
