import { BusProvider } from '@mfe-bus/react';
import type { RemoteModule } from '@mfe-bus-demo/contracts';
import { StrictMode, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from './App';

let root: Root | undefined;

/** Renders nothing; its effect runs after the effects of the tree before it, where the hooks register. */
function AfterEffects({ done }: { done: () => void }) {
  useEffect(done, [done]);
  return null;
}

/** Resolves once the app's effects ran, so the shell says "mounted" when its provider is registered. */
export function mount(element: HTMLElement): Promise<void> {
  if (root) return Promise.resolve();
  const created = createRoot(element);
  root = created;
  return new Promise((mounted) => {
    // The app name, given once: every hook below goes through the page-wide bus's "react" scope.
    created.render(
      <StrictMode>
        <BusProvider app="react">
          <App />
          <AfterEffects done={mounted} />
        </BusProvider>
      </StrictMode>,
    );
  });
}

export function unmount(): void {
  root?.unmount();
  root = undefined;
}

export default { mount, unmount } satisfies RemoteModule;
