// `sensitive: true`: never buffered for replay, never shown in records, inspect() or debug output.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportsOf, watchedBus } from '../test/harness';
import { KITS } from '../test/schemas';
import { installContracts } from './install-contracts';

const token = KITS[0]!.trimmed;
const contracts = {
  events: { 'auth:token-refreshed': { schema: token, sensitive: true }, 'cart:updated': { schema: token } },
  state: { auth: { schema: token, sensitive: true }, theme: { schema: token } },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sensitive contracts', () => {
  it('keep their events out of the replay buffer: a late subscriber gets the next event, not a stored token', () => {
    const { bus } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    bus.publish('auth:token-refreshed', 'secret-1');
    bus.publish('cart:updated', 'book');
    const late = vi.fn();
    bus.subscribe('auth:token-refreshed', late);
    expect(late).not.toHaveBeenCalled();
    bus.publish('auth:token-refreshed', 'secret-2');
    expect(late).toHaveBeenCalledWith('secret-2', expect.objectContaining({ replayed: false }));
    const replayed = vi.fn();
    bus.subscribe('cart:updated', replayed);
    expect(replayed).toHaveBeenCalledWith('book', expect.objectContaining({ replayed: true }));
  });

  it('mask their payloads and values in observe records, inspect() and debug output', () => {
    const { bus, records } = watchedBus();
    installContracts(bus, contracts, { mode: 'reject' });
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    bus.debug(true);
    bus.subscribe('auth:token-refreshed', () => {});
    bus.publish('auth:token-refreshed', 'secret-1');
    bus.setState('auth', 'secret-2');
    bus.setState('auth', 'secret-3');
    bus.setState('theme', 'dark');
    const everything = JSON.stringify([records, bus.inspect(), log.mock.calls]);
    expect(everything).not.toMatch(/secret/);
    expect(records.find((record) => record.type === 'publish')).toMatchObject({ payload: '[Sensitive]' });
    expect(records.filter((record) => record.type === 'state')).toMatchObject([
      { key: 'auth', next: '[Sensitive]' },
      { key: 'auth', previous: '[Sensitive]', next: '[Sensitive]' },
      { key: 'theme', next: 'dark' },
    ]);
    expect(bus.inspect().state).toMatchObject([
      { key: 'auth', value: '[Sensitive]' },
      { key: 'theme', value: 'dark' },
    ]);
    // What the bus holds is untouched.
    expect(bus.getState('auth')).toBe('secret-3');
  });

  it('hide the issue messages of a violation, which may quote the value', () => {
    const { bus, records } = watchedBus();
    installContracts(bus, { state: { auth: { schema: KITS[0]!.cart, sensitive: true } } }, { mode: 'report' });
    bus.setState('auth', { item: 12345678 });
    const [record] = reportsOf(records, 'violation');
    expect(JSON.stringify(record)).not.toMatch(/12345678/);
    expect(record).toMatchObject({ detail: { issues: [{ path: ['item'], message: 'invalid (hidden: sensitive)' }] } });
  });
});
