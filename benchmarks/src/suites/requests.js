// Request/response: no emitter has it, so the floor is a bare `await` and the reference what an app writes by hand.
import { group, spec } from '../harness/group.js';

export default async function requests() {
  return [
    await group('cached-request', 'cached request round trip', [
      spec('bare await of a resolved value', 'hand-rolled', 'bareAwait'),
      spec('mfe-bus', 'mfe-bus', 'cachedRequest'),
      spec('hand-rolled Map cache', 'hand-rolled', 'cachedRequest'),
      spec('@leanjs/core state.load (loaded)', 'leanjs-core', 'cachedRequest'),
    ]),
    await group('cached-request-two-params', 'cached request round trip, params of two properties', [
      spec('bare await of a resolved value', 'hand-rolled', 'bareAwait'),
      spec('mfe-bus', 'mfe-bus', 'cachedRequestTwoParams'),
    ]),
  ];
}
