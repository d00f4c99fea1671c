import { getBus } from '@mfe-bus/core';
import { BusProvider } from '@mfe-bus/react';
import { type OwnCounts, type RemoteModule, trackBus } from '@mfe-bus-demo/contracts';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';

// Every hook below talks to the page-wide bus through this wrapper, which counts what this remote holds.
const tracked = trackBus(getBus());
let root: Root | undefined;

export function mount(element: HTMLElement): void {
  if (root) return;
  root = createRoot(element);
  root.render(
    <StrictMode>
      <BusProvider bus={tracked.bus}>
        <App counts={tracked.counts} />
      </BusProvider>
    </StrictMode>,
  );
}

export function unmount(): void {
  root?.unmount();
  root = undefined;
}

export function counts(): OwnCounts {
  return tracked.counts();
}

export default { mount, unmount, counts } satisfies RemoteModule;
