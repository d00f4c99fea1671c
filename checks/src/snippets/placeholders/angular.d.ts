// What the Angular README's blocks leave to the app, and the components its earlier blocks define.
import type { Type } from '@angular/core';

declare global {
  /** The app's root component. */
  const App: Type<unknown>;
  /** A component of the README's own (injectBusState's example). */
  const UserBadge: Type<unknown>;
}
