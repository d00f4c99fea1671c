import { type Bus, createBus } from '@mfe-bus/core';
import type { ReactNode } from 'react';
import { type Mock, vi } from 'vitest';
import { BusProvider } from '../src';

/**
 * A fresh bus per test and a `wrapper` for `render`/`renderHook` that hands it to the tree. For StrictMode
 * pass `reactStrictMode: true` to `render`: a `<StrictMode>` inside a wrapper does not double-run effects.
 */
export function setupBus(options: { requestTimeoutMs?: number } = {}): {
  bus: Bus;
  wrapper: (props: { children: ReactNode }) => ReactNode;
} {
  return withBus(createBus({ requestTimeoutMs: options.requestTimeoutMs ?? 10_000 }));
}

export function withBus(bus: Bus): { bus: Bus; wrapper: (props: { children: ReactNode }) => ReactNode } {
  return { bus, wrapper: ({ children }) => <BusProvider bus={bus}>{children}</BusProvider> };
}

/** A view of `bus` (which is frozen, so cannot be spied on directly) whose `method` is a spy. */
export function spyOnBus<Method extends 'subscribe' | 'provide' | 'request' | 'watchState'>(
  bus: Bus,
  method: Method,
): { bus: Bus; spy: Mock<Bus[Method]>; wrapper: (props: { children: ReactNode }) => ReactNode } {
  const spy = vi.fn(bus[method]) as unknown as Mock<Bus[Method]>;
  return { ...withBus(Object.create(bus, { [method]: { value: spy } }) as Bus), spy };
}
