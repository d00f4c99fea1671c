/** What every remote bundle exports; the shell loads it with a dynamic `import()`. */
export interface RemoteModule {
  /** Render the remote into `element`. Mounting twice is a no-op. Async for frameworks that boot async (Angular). */
  mount(element: HTMLElement): void | Promise<void>;
  /** Tear the remote down; every bus registration it made is released. Safe to call when not mounted. */
  unmount(): void;
}
