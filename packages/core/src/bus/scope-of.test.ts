import { describe, expect, it, vi } from 'vitest';
import type { Bus } from '../types';
import { createBus } from './create-bus';
import { scopeOf } from './scope-of';

describe('scopeOf', () => {
  it('is bus.scope(app) on a protocol 1.1 bus', () => {
    const bus = createBus();
    const cart = scopeOf(bus, 'cart');
    cart.subscribe('t', () => {});
    expect(bus.inspect().apps).toEqual([expect.objectContaining({ app: 'cart', subscribers: 1 })]);
  });

  it('falls back to the primitives of a bus without scopes (created by a protocol 1.0 copy)', () => {
    const { scope: _scope, observe: _observe, use: _use, onDemand: _onDemand, ...primitives } = createBus();
    const older = primitives as unknown as Bus;
    const cart = scopeOf(older, 'cart');
    const received = vi.fn();
    const off = cart.subscribe('t', received);
    older.publish('t', 1);
    expect(received).toHaveBeenCalledOnce();
    expect(cart.app).toBe('cart');
    cart.dispose(); // nothing to do: each registration keeps its own cleanup
    off();
    expect(older.inspect().counts.subscribers).toBe(0);
  });
});
