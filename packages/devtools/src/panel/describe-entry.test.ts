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
