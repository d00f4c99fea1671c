// What the root README's blocks leave to the app.
declare global {
  function render(payload: unknown): void;
  function applyTheme(theme: 'light' | 'dark' | undefined): void;
  function fetchPermissions(userId: string, signal: AbortSignal): Promise<string[]>;
}

export {};
