import { createBus } from '@mfe-bus/core';
import { describe, expectTypeOf, it } from 'vitest';
import { commitState } from './commit-state';
import { connectLive } from './connect-live';
import type { LiveSocket, LiveStatus } from './types';

declare module '@mfe-bus/core' {
  interface BusState {
    'typed:count': number;
  }
}

describe('types', () => {
  it("the browser's EventSource and WebSocket are sockets open may return", () => {
    expectTypeOf<EventSource>().toExtend<LiveSocket>();
    expectTypeOf<WebSocket>().toExtend<LiveSocket>();
    const bus = createBus();
    connectLive(bus, {
      id: 'x',
      topics: ['admin:*'],
      open: ({ lastEventId, token, signal }) => {
        expectTypeOf(lastEventId).toEqualTypeOf<string | undefined>();
        expectTypeOf(token).toEqualTypeOf<string | undefined>();
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
        return new EventSource(`/events?lastEventId=${lastEventId ?? ''}`);
      },
    });
    expectTypeOf(bus.getState<LiveStatus>('live:x:status')).toEqualTypeOf<LiveStatus | undefined>();
  });

  it('commitState follows the state catalogue', () => {
    const bus = createBus();
    void commitState(bus, 'typed:count', 1, async (value) => value + 1);
    // @ts-expect-error: the catalogue says number
    void commitState(bus, 'typed:count', 'one', async () => undefined);
  });
});
