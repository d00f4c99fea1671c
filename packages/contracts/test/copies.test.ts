// A shell installs contracts through its copy of core; a remote publishes through its own, separately built
// copy (every remote bundles one). These tests load core's BUILT file twice, as two module instances.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installContracts } from '../src/install-contracts';
import { ContractViolationError } from '../src/violation-error';
import { KITS } from './schemas';

type Core = typeof import('@mfe-bus/core');

const coreDist = createRequire(import.meta.url)
  .resolve('@mfe-bus/core/package.json')
  .replace(/package\.json$/, 'dist/index.js');
// Without its sourceMappingURL: the copies are written without the map it names.
const coreSource = readFileSync(coreDist, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
const page = globalThis as Record<PropertyKey, unknown>;
const GLOBAL_KEY = Symbol.for('mfe-bus');

async function loadCopy(name: string): Promise<Core> {
  const file = join(mkdtempSync(join(tmpdir(), `mfe-bus-contracts-${name}-`)), 'index.js');
  writeFileSync(file, coreSource);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Core;
}

beforeEach(() => {
  page.window = globalThis; // getBus() shares one bus per page only in a browser
});
afterEach(() => {
  (page[GLOBAL_KEY] as { bus?: { destroy(): void } } | undefined)?.bus?.destroy();
  delete page[GLOBAL_KEY];
  delete page.window;
});

describe('contracts across copies of core', () => {
  const contracts = { events: { 'cart:updated': { schema: KITS[0]!.cart, owner: 'react' } } };

  it('check the publishes another copy makes, and its errors match instanceof in every copy', async () => {
    const [shell, remote] = [await loadCopy('shell'), await loadCopy('remote')];
    expect(remote.MfeBusError).not.toBe(shell.MfeBusError);
    const bus = shell.getBus({ onError: () => {} });
    expect(remote.getBus()).toBe(bus);
    installContracts(bus, contracts, { mode: 'reject' });

    const received = vi.fn();
    bus.subscribe('cart:updated', received);
    const react = remote.getBus().scope('react');
    react.publish('cart:updated', { item: 'book' });
    expect(received).toHaveBeenCalledWith({ item: 'book', quantity: 1 }, expect.objectContaining({ source: 'react' }));

    let error: unknown;
    try {
      remote.getBus().scope('vue').publish('cart:updated', { item: 'book' });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toBeInstanceOf(remote.MfeBusError);
    expect(error).toBeInstanceOf(shell.MfeBusError);
    expect(error).not.toBeInstanceOf(remote.ProviderTimeoutError);
    expect(error).toMatchObject({ code: 'CONTRACT_VIOLATION', rule: 'owner', source: 'vue' });
    expect(received).toHaveBeenCalledTimes(1);
  });

  it('report what another copy publishes to observers of either copy', async () => {
    const [shell, remote] = [await loadCopy('shell'), await loadCopy('remote')];
    const errors: unknown[] = [];
    const bus = shell.getBus({ onError: (error) => errors.push(error) });
    installContracts(bus, contracts, { mode: 'report' });
    const records: unknown[] = [];
    remote.getBus().observe((record) => records.push(record));
    remote.getBus().scope('react').publish('cart:updated', { item: 7 });
    expect(errors).toMatchObject([{ rule: 'payload', source: 'react' }]);
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'report', report: 'violation', name: 'cart:updated' }),
    );
  });
});
