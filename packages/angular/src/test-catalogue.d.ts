// Test-only catalogue: not reachable from src/index.ts, so the build never sees it.
declare module '@mfe-bus/core' {
  interface BusEvents {
    'cart:updated': { count: number };
    'cart:cleared': { reason: string };
  }
  interface BusState {
    user: { id: string; name: string } | null;
    count: number;
  }
  interface BusRequests {
    'user:permissions': { params: { userId: string }; result: string[] };
    'app:version': { params: undefined; result: string };
  }
}

export {};
