import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupBus } from '../test/bus-wrapper';
import { useConnecticState } from './use-connectic-state';
import { useProvide } from './use-provide';
import { usePublish } from './use-publish';
import { useRequest } from './use-request';
import { useSubscribe } from './use-subscribe';

/** A component using every hook at once, with a request nobody answers (so it stays pending). */
function Everything({ index }: { index: number }) {
  const [count] = useConnecticState<number>('count');
  const [even] = useConnecticState('count', (n: number | undefined) => (n ?? 0) % 2 === 0);
  useSubscribe('tick', () => {});
  useSubscribe('tick:*', () => {});
  useProvide(`echo:${index}`, (params: unknown) => params);
  usePublish();
  const { status } = useRequest('nobody', { index });
  return (
    <p>
      {count} {String(even)} {status}
    </p>
  );
}

describe('cleanup', () => {
  it('unmounting a component leaves none of its listeners, watchers, providers or requests', async () => {
    const { bus, wrapper } = setupBus();
    const { unmount } = render(<Everything index={0} />, { wrapper });
    expect(bus.inspect().counts).toEqual({ subscribers: 2, watchers: 2, providers: 1, pending: 1 });
    unmount();
    await act(async () => {});
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('1,000 mount/unmount cycles leave nothing behind', async () => {
    const { bus, wrapper } = setupBus();
    const { rerender, unmount } = render(null, { wrapper });
    for (let i = 0; i < 1_000; i++) {
      rerender(<Everything index={i % 10} />);
      if (i % 100 === 0) act(() => bus.setState('count', i));
      rerender(null);
    }
    unmount();
    await act(async () => {});
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
    expect(bus.inspect().providers).toEqual([]);
    expect(bus.inspect().state).toMatchObject([{ key: 'count', value: 900, watchers: 0 }]);
  }, 30_000);

  it('StrictMode mounts leave exactly one registration of each kind, and nothing after unmount', async () => {
    const { bus, wrapper } = setupBus();
    const { unmount } = render(<Everything index={0} />, { wrapper, reactStrictMode: true });
    await act(async () => {});
    expect(bus.inspect().counts).toEqual({ subscribers: 2, watchers: 2, providers: 1, pending: 1 });
    expect(bus.inspect().pending).toEqual([
      { key: 'nobody', params: { index: 0 }, requesters: 1, waitingForProvider: true, apps: [null] },
    ]);
    unmount();
    await act(async () => {});
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });
});
