// Each remote holds its own connection: every server message arrives on each of them and is parsed by each.
import { handlers } from './common.js';
import { FakeEventSource, MESSAGES } from './fake-event-source.js';

export { sink } from './common.js';

/** `subscribers` remotes, `subscribers` connections: the server sends each message down every one. */
export function serverMessage(subscribers) {
  const sources = handlers(subscribers, (payload) => payload.n).map((handler) => {
    const source = new FakeEventSource();
    source.addEventListener('message', (event) => {
      const data = JSON.parse(event.data);
      if (data.type === 'announcement') handler(data);
    });
    return source;
  });
  return (n) => {
    for (let i = 0; i < n; i++) for (const source of sources) source.deliver(MESSAGES[i & 15], String(i));
  };
}
