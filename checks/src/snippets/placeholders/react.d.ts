// What the React README's blocks leave to the app, and the components its earlier blocks define.
import type { ReactNode } from 'react';
import type { Root } from 'react-dom/client';

declare global {
  const root: Root;
  function App(): ReactNode;
  /** A component of the README's own (useSubscribe's example). */
  function CartBadge(): ReactNode;
  /** From react-error-boundary, or the app's own. */
  function ErrorBoundary(props: { fallback: ReactNode; children: ReactNode }): ReactNode;
}
