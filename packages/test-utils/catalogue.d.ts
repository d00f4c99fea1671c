// The catalogue the bindings' tests use, declared as an app would declare it. A test pulls it in with
// `/// <reference types="@mfe-bus/test-utils/catalogue" />`, so no build ever sees it.
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
