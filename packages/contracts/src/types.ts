import type { StandardSchemaV1 } from './standard-schema';

/** The app (a `bus.scope(app)` name) allowed to publish, write or provide a key, or a list of them. */
export type Owner = string | readonly string[];

interface ContractBase {
  /** Only this app (these apps) may publish, write or provide the key; calls without a scope never may. */
  owner?: Owner;
  /** The contract's version, `major.minor.patch`; consumers state what they expect with `expectVersions`. */
  version?: string;
  /** Why the key should not be used any more (and what to use instead): warned once per key and app. */
  deprecated?: string;
}

/** The contract of an event topic: its payload, who publishes it, its version. */
export interface EventContract<Schema extends StandardSchemaV1 = StandardSchemaV1> extends ContractBase {
  schema: Schema;
  /** Never buffered for replay, never shown in `inspect()`, `observe` records or debug output. */
  sensitive?: boolean;
}

/** The contract of a state key: its value, who writes it, its version. */
export interface StateContract<Schema extends StandardSchemaV1 = StandardSchemaV1> extends EventContract<Schema> {}

/** The contract of a request key: its params, its result, who provides it, its version. */
export interface RequestKeyContract<
  Params extends StandardSchemaV1 = StandardSchemaV1,
  Result extends StandardSchemaV1 = StandardSchemaV1,
> extends ContractBase {
  params?: Params;
  result?: Result;
}

/** What `defineContracts` takes and returns. */
export interface ContractSet {
  events?: Readonly<Record<string, EventContract>>;
  state?: Readonly<Record<string, StateContract>>;
  requests?: Readonly<Record<string, RequestKeyContract>>;
}

/** Any one contract, whichever section it is in. */
export type AnyContract = Partial<EventContract> & RequestKeyContract;

/** The three sections of a contract set, as the contract's `kind` names them. */
export type ContractKind = 'event' | 'state' | 'request';

type Output<Schema> = Schema extends StandardSchemaV1 ? StandardSchemaV1.InferOutput<Schema> : never;

/** The events of a contract set as a `BusEvents` catalogue: `interface BusEvents extends InferEvents<typeof contracts> {}`. */
export type InferEvents<Contracts extends ContractSet> = Contracts extends { events: infer Events }
  ? { -readonly [Topic in keyof Events]: Events[Topic] extends { schema: infer S } ? Output<S> : never }
  : Record<never, never>;

/** The state keys of a contract set as a `BusState` catalogue. */
export type InferState<Contracts extends ContractSet> = Contracts extends { state: infer State }
  ? { -readonly [Key in keyof State]: State[Key] extends { schema: infer S } ? Output<S> : never }
  : Record<never, never>;

/** The request keys of a contract set as a `BusRequests` catalogue (no params schema: `undefined`; no result schema: `unknown`). */
export type InferRequests<Contracts extends ContractSet> = Contracts extends { requests: infer Requests }
  ? {
      -readonly [Key in keyof Requests]: {
        params: Requests[Key] extends { params: infer P } ? Output<P> : undefined;
        result: Requests[Key] extends { result: infer R } ? Output<R> : unknown;
      };
    }
  : Record<never, never>;

/**
 * `reject`: a call that breaks a contract throws (a request rejects) a `ContractViolationError`.
 * `report`: the call goes through and the violation goes to `onError` and to `observe` (report-only).
 */
export type ContractMode = 'reject' | 'report';

export interface InstallOptions {
  mode: ContractMode;
  /** The app installing these contracts, named in conflict and version reports. Default: `null` (the bus). */
  app?: string;
}

/** One problem a schema found: what is wrong, and where (`['items', 0, 'name']`; `[]`: the value itself). */
export interface ContractIssue {
  readonly message: string;
  readonly path: readonly (string | number)[];
}
