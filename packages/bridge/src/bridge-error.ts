import { MfeBusError } from '@mfe-bus/core';

/**
 * `NOT_CLONEABLE`: a value on a shared topic, state key or request cannot be structured-cloned, so it could
 * not cross (thrown to the caller). `NOT_SHARED`: the other side does not offer that request key.
 * `DISCONNECTED`: the other side went away, or the bridge closed, while a request waited on it. `DROPPED`:
 * something that arrived was refused; reported (never thrown), with the `reason`.
 */
export type BridgeErrorCode = 'NOT_CLONEABLE' | 'NOT_SHARED' | 'DISCONNECTED' | 'DROPPED';

/**
 * Why something that arrived was dropped: a window `origin` outside the allow-list, the right origin from
 * the wrong window (`source`), another protocol `version`, a malformed `envelope`, a duplicated or replayed
 * `sequence` number, a name this side does not accept (`not-shared`), a write or publish the receiving bus
 * `refused` (a contract), or the oldest message of a full pre-ready queue (`queue-full`).
 */
export type DropReason =
  | 'origin'
  | 'source'
  | 'version'
  | 'envelope'
  | 'sequence'
  | 'not-shared'
  | 'refused'
  | 'queue-full';

const CODES: readonly string[] = ['NOT_CLONEABLE', 'NOT_SHARED', 'DISCONNECTED', 'DROPPED'];

/** An error of a bridge; `instanceof BridgeError` (and `instanceof MfeBusError`) work across library copies. */
export class BridgeError extends MfeBusError {
  declare readonly code: BridgeErrorCode;
  /** The topic, state key or request key concerned. */
  readonly key: string | undefined;
  /** Why it was dropped (`DROPPED` only). */
  readonly reason: DropReason | undefined;

  constructor(code: BridgeErrorCode, message: string, key?: string, reason?: DropReason) {
    super(code, message);
    this.name = 'BridgeError';
    this.key = key;
    this.reason = reason;
  }

  // One class for four codes: any of them (core's check matches one code per class).
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof MfeBusError && CODES.includes(value.code);
  }
}
