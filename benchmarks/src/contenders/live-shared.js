// One connection for the page: @mfe-bus/live's connectLive feeds the bus, four remotes subscribe to the topic.
import { createBus } from '@mfe-bus/core';
import { connectLive } from '@mfe-bus/live';
import { handlers } from './common.js';
import { FakeEventSource, MESSAGES } from './fake-event-source.js';

export { sink } from './common.js';

const route = ({ data }) => (data.type === 'announcement' ? { topic: 'admin:announcement', payload: data } : undefined);

/** `subscribers` remotes, one connection: each server message is parsed and routed once, then published. */
export function serverMessage(subscribers) {
  const bus = createBus({ replayWindowMs: 0 });
  let source;
  connectLive(bus, {
    id: 'bench',
    topics: ['admin:*'],
    open: () => {
      source = new FakeEventSource();
      return source;
    },
    route,
  });
  for (const handler of handlers(subscribers, (payload) => payload.n)) bus.subscribe('admin:announcement', handler);
  return (n) => {
    for (let i = 0; i < n; i++) source.deliver(MESSAGES[i & 15], String(i));
  };
}
