// What the Svelte README's blocks leave to the app.
declare global {
  function fetchPermissions(userId: string): Promise<string[]>;
}

export {};
