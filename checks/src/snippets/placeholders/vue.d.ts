// What the Vue README's blocks leave to the app.

import type { EventHandler } from '@mfe-bus/core';
import type { Component } from 'vue';

declare global {
  const App: Component;
  const onCart: EventHandler<{ count: number }>;
}
