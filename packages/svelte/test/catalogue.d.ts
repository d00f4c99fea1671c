// The catalogue the tests (and type tests) use, as an app would declare it.
export {};

declare module '@mfe-bus/core' {
  interface BusEvents {
    'cart:updated': { count: number };
    'cart:cleared': { reason: string };
  }
  interface BusState {
    count: number;
    user: { id: string; name: string } | null;
  }
  interface BusRequests {
    'user:permissions': { params: { userId: string }; result: string[] };
    'app:version': { params: undefined; result: string };
  }
}
