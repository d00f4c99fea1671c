import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testBus } from '../test/harness';
import { commitState } from './commit-state';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A server call answering after `ms`: with `value`, or failing with `error`. */
const answerAfter =
  <Value>(ms: number, outcome: { value?: Value; error?: Error }) =>
  (_value: Value, { signal }: { signal: AbortSignal }) =>
    new Promise<Value | undefined>((resolve, reject) => {
      setTimeout(() => (outcome.error ? reject(outcome.error) : resolve(outcome.value)), ms);
      signal.addEventListener('abort', () => calls.aborted++);
    });
const calls = { aborted: 0 };

describe('commitState', () => {
  it('writes at once with <key>:pending true, and keeps the value once the server accepts it', async () => {
    const { bus } = testBus();
    bus.setState('title', 'old');
    const seen: [unknown, unknown, boolean][] = [];
    bus.watchState('title', (value, _previous, meta) =>
      seen.push([value, bus.getState('title:pending'), meta.optimistic]),
    );
    const done = commitState(bus, 'title', 'new', answerAfter(100, {}));
    expect(bus.getState('title')).toBe('new');
    expect(bus.getState('title:pending')).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(await done).toEqual({ status: 'confirmed', value: 'new' });
    expect(bus.getState('title:pending')).toBe(false);
    expect(seen).toEqual([['new', true, true]]);
  });

  it("sets the server's confirmed value", async () => {
    const { bus } = testBus();
    const done = commitState(bus, 'title', 'draft', answerAfter(10, { value: 'Draft (saved)' }));
    const seen: [unknown, unknown, boolean][] = [];
    bus.watchState('title', (value, _previous, meta) =>
      seen.push([value, bus.getState('title:pending'), meta.optimistic]),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(await done).toEqual({ status: 'confirmed', value: 'Draft (saved)' });
    expect(seen).toEqual([['Draft (saved)', false, false]]);
  });

  it('reverts to the previous value when the server refuses and nobody wrote the key meanwhile', async () => {
    const { bus, errors } = testBus();
    bus.setState('cart', { items: 1 });
    const refused = new Error('409');
    const optimistic: boolean[] = [];
    bus.watchState('cart', (_value, _previous, meta) => optimistic.push(meta.optimistic));
    const done = commitState(bus, 'cart', { items: 2 }, answerAfter(50, { error: refused }));
    expect(bus.getState('cart')).toEqual({ items: 2 });
    await vi.advanceTimersByTimeAsync(50);
    expect(await done).toEqual({ status: 'reverted', error: refused });
    expect(bus.getState('cart')).toEqual({ items: 1 });
    expect(optimistic).toEqual([true, false]);
    expect(errors).toEqual([]);
  });

  it('keeps a newer value written meanwhile and reports the conflict with both values', async () => {
    const { bus, errors, records } = testBus();
    bus.setState('cart', { items: 1 });
    const refused = new Error('409');
    const done = commitState(bus, 'cart', { items: 2 }, answerAfter(50, { error: refused }));
    await vi.advanceTimersByTimeAsync(20);
    bus.scope('vue').setState('cart', { items: 5 });
    await vi.advanceTimersByTimeAsync(30);
    expect(await done).toEqual({ status: 'conflict', error: refused });
    expect(bus.getState('cart')).toEqual({ items: 5 });
    expect(errors).toEqual([
      [refused, { kind: 'report', report: 'conflict', name: 'cart', source: null, detail: expect.anything() }],
    ]);
    expect(errors[0]?.[1]).toMatchObject({ detail: { attempted: { items: 2 }, current: { items: 5 } } });
    expect(records.filter((record) => record.type === 'report')).toMatchObject([
      { report: 'conflict', name: 'cart', error: { message: '409' }, detail: { attempted: { items: 2 } } },
    ]);
  });

  it("a second commit supersedes the first: the first's signal aborts and its late answer is ignored", async () => {
    const { bus } = testBus();
    bus.setState('title', 'original');
    calls.aborted = 0;
    const first = commitState(bus, 'title', 'first', answerAfter(100, { value: 'first (server)' }));
    const second = commitState(bus, 'title', 'second', answerAfter(200, { error: new Error('down') }));
    expect(calls.aborted).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await first).toEqual({ status: 'superseded' });
    expect(bus.getState('title')).toBe('second');
    expect(bus.getState('title:pending')).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    // Back to the value before both commits, not to the first's unconfirmed one.
    expect(await second).toMatchObject({ status: 'reverted' });
    expect(bus.getState('title')).toBe('original');
    expect(bus.getState('title:pending')).toBe(false);
  });

  it('a superseded commit that fails is ignored too; commits on other keys are independent', async () => {
    const { bus } = testBus();
    const first = commitState(bus, 'a', 1, answerAfter(10, { error: new Error('x') }));
    const other = commitState(bus, 'b', 1, answerAfter(10, {}));
    const second = commitState(bus, 'a', 2, answerAfter(20, {}));
    await vi.advanceTimersByTimeAsync(20);
    expect(await first).toEqual({ status: 'superseded' });
    expect(await other).toEqual({ status: 'confirmed', value: 1 });
    expect(await second).toEqual({ status: 'confirmed', value: 2 });
    expect(bus.getState('a')).toBe(2);
  });

  it('a write a plugin refuses throws and sends nothing', async () => {
    const { bus } = testBus();
    bus.use({
      setState(key, next) {
        if (key === 'locked') throw new Error('owned by shell');
        return next;
      },
    });
    const send = vi.fn(answerAfter<number>(10, {}));
    await expect(commitState(bus, 'locked', 1, send)).rejects.toThrow('owned by shell');
    expect(send).not.toHaveBeenCalled();
    expect(bus.getState('locked:pending')).toBe(false);
  });

  it('stores a function value as a value', async () => {
    const { bus } = testBus();
    const handler = () => 'called';
    await commitState(bus, 'callback', handler, async () => undefined);
    expect(bus.getState('callback')).toBe(handler);
  });
});
