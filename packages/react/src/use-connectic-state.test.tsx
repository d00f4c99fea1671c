import { createBus } from '@mfe-bus/core';
import { ZERO_COUNTS } from '@mfe-bus/test-utils';
import { act, render, renderHook, screen } from '@testing-library/react';
import { StrictMode, useLayoutEffect } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { setupBus, spyOnBus } from '../test/bus-wrapper';
import { BusProvider, useBus } from './bus-context';
import { useConnecticState } from './use-connectic-state';

type Point = { x: number; y: number; label: string };

function Text({ stateKey, onRender }: { stateKey: string; onRender?: (value: unknown) => void }) {
  const [value] = useConnecticState<string | number>(stateKey);
  onRender?.(value);
  return <p>{value ?? '-'}</p>;
}

function Name({ onRender }: { onRender: () => void }) {
  const [name] = useConnecticState('person', (person: { name: string; visits: number } | undefined) => person?.name);
  onRender();
  return <p>{name}</p>;
}

function Coords({ onRender }: { onRender: () => void }) {
  const [coords] = useConnecticState(
    'point',
    (p: Point | undefined) => ({ x: p?.x, y: p?.y }),
    (a, b) => a.x === b.x && a.y === b.y,
  );
  onRender();
  return (
    <p>
      {coords.x},{coords.y}
    </p>
  );
}

/** Changes `key` in a layout effect: after the parent rendered, before its passive subscription. */
function WriteBeforeSubscribe({ stateKey, value }: { stateKey: string; value: number }) {
  const bus = useBus();
  useLayoutEffect(() => bus.setState(stateKey, value), [bus, stateKey, value]);
  return null;
}

describe('useConnecticState', () => {
  it('reads the current value and re-renders on change', () => {
    const { bus, wrapper } = setupBus();
    bus.setState('count', 1);
    const { result } = renderHook(() => useConnecticState<number>('count'), { wrapper });
    expect(result.current[0]).toBe(1);
    act(() => bus.setState('count', 2));
    expect(result.current[0]).toBe(2);
  });

  it('setValue takes a value or an updater, and keeps its identity', () => {
    const { bus, wrapper } = setupBus();
    const { result } = renderHook(() => useConnecticState<number>('count'), { wrapper });
    const setValue = result.current[1];
    expect(result.current[0]).toBeUndefined();
    act(() => setValue(5));
    expect(bus.getState('count')).toBe(5);
    act(() => result.current[1]((n) => (n ?? 0) + 1));
    expect(result.current[0]).toBe(6);
    expect(result.current[1]).toBe(setValue);
  });

  it('a component mounted after a change renders the current value on its first render', () => {
    const { bus, wrapper } = setupBus();
    act(() => bus.setState('name', 'Ada'));
    const seen: unknown[] = [];
    render(<Text stateKey="name" onRender={(value) => seen.push(value)} />, { wrapper });
    expect(seen).toEqual(['Ada']);
    expect(screen.getByText('Ada')).toBeTruthy();
  });

  it('with 100 components on 100 keys, setting one key re-renders exactly one of them', () => {
    const { bus, wrapper } = setupBus();
    const renders = new Array<number>(100).fill(0);
    render(
      renders.map((_, index) => (
        <Text
          // biome-ignore lint/suspicious/noArrayIndexKey: the index is the cell's identity
          key={index}
          stateKey={`cell:${index}`}
          onRender={() => {
            renders[index] = (renders[index] ?? 0) + 1;
          }}
        />
      )),
      { wrapper },
    );
    expect(renders.every((count) => count === 1)).toBe(true);
    expect(bus.inspect().counts.watchers).toBe(100);
    act(() => bus.setState('cell:42', 7));
    expect(renders.reduce((sum, count) => sum + count, 0)).toBe(101);
    expect(renders[42]).toBe(2);
    expect(screen.getByText('7')).toBeTruthy();
  });

  it('the selector form re-renders only when the selected value changes', () => {
    const { bus, wrapper } = setupBus();
    bus.setState('person', { name: 'Ada', visits: 1 });
    let renders = 0;
    render(<Name onRender={() => renders++} />, { wrapper });
    expect(renders).toBe(1);
    act(() => bus.setState('person', { name: 'Ada', visits: 2 }));
    act(() => bus.setState('person', { name: 'Ada', visits: 3 }));
    expect(renders).toBe(1);
    act(() => bus.setState('person', { name: 'Grace', visits: 3 }));
    expect(renders).toBe(2);
    expect(screen.getByText('Grace')).toBeTruthy();
  });

  it('a selector building a new object, with isEqual, neither loops nor re-renders needlessly', () => {
    const { bus, wrapper } = setupBus();
    bus.setState('point', { x: 1, y: 2, label: 'a' });
    let renders = 0;
    render(<Coords onRender={() => renders++} />, { wrapper });
    act(() => bus.setState('point', { x: 1, y: 2, label: 'b' }));
    expect(renders).toBe(1);
    act(() => bus.setState('point', { x: 3, y: 2, label: 'b' }));
    expect(renders).toBe(2);
    expect(screen.getByText('3,2')).toBeTruthy();
  });

  it('unmounting leaves no watcher behind', () => {
    const { bus, wrapper } = setupBus();
    const { unmount } = renderHook(() => useConnecticState('a'), { wrapper });
    expect(bus.inspect().counts.watchers).toBe(1);
    unmount();
    expect(bus.inspect().counts).toEqual(ZERO_COUNTS);
  });

  it('StrictMode double mounting leaves one watcher per component', () => {
    const { bus, wrapper, spy } = spyOnBus(setupBus().bus, 'watchState');
    const { result, unmount } = renderHook(() => useConnecticState<number>('a'), { wrapper, reactStrictMode: true });
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2); // StrictMode did subscribe twice
    expect(bus.inspect().counts.watchers).toBe(1);
    act(() => result.current[1](3));
    expect(result.current[0]).toBe(3);
    unmount();
    expect(bus.inspect().counts.watchers).toBe(0);
  });

  it('picks up a change made between render and subscription', () => {
    const { bus, wrapper } = setupBus();
    bus.setState('a', 1);
    render(
      <>
        <Text stateKey="a" />
        <WriteBeforeSubscribe stateKey="a" value={2} />
      </>,
      { wrapper },
    );
    expect(screen.getByText('2')).toBeTruthy();
  });

  it('renders the bus value on the server', () => {
    const bus = createBus();
    bus.setState('greeting', 'hello');
    const html = renderToString(
      <StrictMode>
        <BusProvider bus={bus}>
          <Text stateKey="greeting" />
        </BusProvider>
      </StrictMode>,
    );
    expect(html).toBe('<p>hello</p>');
    expect(bus.inspect().counts.watchers).toBe(0);
  });
});
