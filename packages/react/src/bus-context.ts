import { type Bus, getBus } from '@mfe-bus/core';
import { createContext, createElement, type ReactNode, useContext } from 'react';

const BusContext = createContext<Bus | null>(null);
BusContext.displayName = 'MfeBus';

export interface BusProviderProps {
  /** The bus the subtree's hooks use instead of the page-wide `getBus()`. */
  bus: Bus;
  children?: ReactNode;
}

/** Hands a specific bus (a test bus, an isolated one) to every hook below it. Optional. */
export function BusProvider({ bus, children }: BusProviderProps): ReactNode {
  return createElement(BusContext.Provider, { value: bus }, children);
}

/** The bus from the nearest `BusProvider`, or the page-wide bus (`getBus()`) without one. */
export function useBus(): Bus {
  return useContext(BusContext) ?? getBus();
}
