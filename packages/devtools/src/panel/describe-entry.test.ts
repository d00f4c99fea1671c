import { createBus } from '@mfe-bus/core';
import { describe, expect, it } from 'vitest';
import { record } from '../recorder/record';
import { describeEntry } from './describe-entry';
import { kindOf, nameOf } from './entry-kind';

describe('a dispose entry', () => {
  it('reads as one line of the timeline, filed with subscription changes', () => {
    const bus = createBus();
    const recorder = record(bus);
    const cart = bus.scope('cart');
    cart.subscribe('cart:*', () => {});
    cart.watchState('theme', () => {});
    cart.dispose();
    const entry = recorder.entries().at(-1);
    expect(entry?.type).toBe('dispose');
    if (!entry) return;
    expect(describeEntry(entry)).toBe('disposed its scope: 2 registrations removed, 0 still held');
    expect(kindOf(entry)).toBe('churn');
    expect(nameOf(entry)).toBe('');
    bus.destroy();
  });
});

describe('a request entry', () => {
  it('shows its params when it has some, and its key alone when it has none', async () => {
    const bus = createBus();
    const recorder = record(bus);
    bus.provide('user:permissions', () => ['read']);
    bus.provide('user:profile', (params: { id: number }) => params.id);
    await bus.request('user:permissions');
    await bus.request('user:profile', { id: 7 });
    const lines = recorder
      .entries()
      .filter((entry) => entry.type === 'request')
      .map((entry) => describeEntry(entry).replace(/ \d+(\.\d+)? ?m?s$/, ''));
    expect(lines).toEqual(['user:permissions: settled', 'user:profile {"id":7}: settled']);
    bus.destroy();
  });
});
