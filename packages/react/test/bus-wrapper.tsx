import { type Bus, createBus } from '@mfe-bus/core';
import { type ReactNode, StrictMode } from 'react';
import { BusProvider } from '../src';

/** A fresh bus per test and a `wrapper` for `render`/`renderHook` that hands it to the tree. */
export function setupBus(options: { strict?: boolean; requestTimeoutMs?: number } = {}): {
  bus: Bus;
  wrapper: (props: { children: ReactNode }) => ReactNode;
} {
  const bus = createBus({ requestTimeoutMs: options.requestTimeoutMs ?? 10_000 });
  const wrapper = ({ children }: { children: ReactNode }) =>
    options.strict ? (
      <StrictMode>
        <BusProvider bus={bus}>{children}</BusProvider>
      </StrictMode>
    ) : (
      <BusProvider bus={bus}>{children}</BusProvider>
    );
  return { bus, wrapper };
}

export const zeroCounts = { subscribers: 0, watchers: 0, providers: 0, pending: 0 };
