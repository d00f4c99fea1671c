import { BusProvider } from '@mfe-bus/react';
import type { RemoteModule } from '@mfe-bus-demo/contracts';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';

let root: Root | undefined;

export function mount(element: HTMLElement): void {
  if (root) return;
  root = createRoot(element);
  // The app name, given once: every hook below goes through the page-wide bus's "react" scope.
  root.render(
    <StrictMode>
      <BusProvider app="react">
        <App />
      </BusProvider>
    </StrictMode>,
  );
}

export function unmount(): void {
  root?.unmount();
  root = undefined;
}

export default { mount, unmount } satisfies RemoteModule;
