/**
 * The demo's bus catalogue, typed from the contracts every app shares (`demo-contracts.ts`): every app imports
 * this module (directly or through `index.ts`), so every `publish`, `setState` and `request` in the shell and
 * the remotes is typed without generics, by the same schemas the shell checks at run time.
 */
import type { InferEvents, InferRequests, InferState } from '@mfe-bus/contracts';
import type { contracts } from './demo-contracts';

type Events = InferEvents<typeof contracts>;
type State = InferState<typeof contracts>;
type Requests = InferRequests<typeof contracts>;

export type Theme = State['theme'];
export type User = NonNullable<State['user']>;
export type Auth = NonNullable<State['auth']>;
export type CartUpdate = Events['cart:updated'];
/** The four remotes the shell loads as modules (the frame remote, in its iframe, fills the cart too). */
export type RemoteName = Exclude<CartUpdate['remote'], 'frame'>;
/** What a mounted remote answers to `remote:<name>:status`. */
export type RemoteStatus = Requests[`remote:${RemoteName}:status`]['result'];

declare module '@mfe-bus/core' {
  interface BusEvents extends InferEvents<typeof contracts> {}
  interface BusState extends InferState<typeof contracts> {}
  interface BusRequests extends InferRequests<typeof contracts> {}
}
