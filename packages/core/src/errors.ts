// Every copy of the library on a page has its own error classes, so `instanceof` cannot rely on class
// identity: errors carry a brand under a registry symbol, and `Symbol.hasInstance` checks the brand.
const BRAND = Symbol.for('mfe-bus/error-code');

export type MfeBusErrorCode =
  | 'PROVIDER_TIMEOUT'
  | 'BUS_DESTROYED'
  | 'INVALID_ARGUMENT'
  | 'PROTOCOL_MISMATCH'
  | 'SCOPE_DISPOSED';

/** A core code, or a capability's own (e.g. `CONTRACT_VIOLATION` from @mfe-bus/contracts). */
export type ErrorCode = MfeBusErrorCode | (string & {});

function brandOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const brand = (value as { [BRAND]?: unknown })[BRAND];
  return typeof brand === 'string' ? brand : undefined;
}

/** Base class of every error the bus raises; `code` is stable across versions. */
export class MfeBusError extends Error {
  /** `undefined` on the base class: `instanceof MfeBusError` matches every bus error. */
  static readonly code: ErrorCode | undefined = undefined;
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'MfeBusError';
    this.code = code;
    Object.defineProperty(this, BRAND, { value: code });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    const brand = brandOf(value);
    return brand !== undefined && (this.code === undefined || this.code === brand);
  }
}

/** No provider answered within `timeoutMs` (waiting for a provider to register included). */
export class ProviderTimeoutError extends MfeBusError {
  static override readonly code = 'PROVIDER_TIMEOUT';
  declare readonly code: 'PROVIDER_TIMEOUT';
  readonly key: string;
  readonly timeoutMs: number;

  constructor(key: string, timeoutMs: number) {
    super('PROVIDER_TIMEOUT', `Request "${key}" got no answer within ${timeoutMs} ms`);
    this.name = 'ProviderTimeoutError';
    this.key = key;
    this.timeoutMs = timeoutMs;
  }
}

/** The bus was destroyed: pending requests reject with this, and further calls throw it. */
export class BusDestroyedError extends MfeBusError {
  static override readonly code = 'BUS_DESTROYED';
  declare readonly code: 'BUS_DESTROYED';

  constructor(operation: string) {
    super('BUS_DESTROYED', `Cannot ${operation}: the bus was destroyed`);
    this.name = 'BusDestroyedError';
  }
}

/** A call got an argument it cannot accept; the bus was left unchanged. */
export class InvalidArgumentError extends MfeBusError {
  static override readonly code = 'INVALID_ARGUMENT';
  declare readonly code: 'INVALID_ARGUMENT';

  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
    this.name = 'InvalidArgumentError';
  }
}

/** A copy of the library found a page-wide bus it cannot speak to; it works on an isolated bus instead. */
export class ProtocolMismatchError extends MfeBusError {
  static override readonly code = 'PROTOCOL_MISMATCH';
  declare readonly code: 'PROTOCOL_MISMATCH';
  readonly existing: { protocol: string; version: string };
  readonly own: { protocol: string; version: string };

  constructor(existing: { protocol: string; version: string }, own: { protocol: string; version: string }) {
    super(
      'PROTOCOL_MISMATCH',
      `The page-wide bus was created by mfe-bus ${existing.version} (protocol ${existing.protocol}); ` +
        `this copy is mfe-bus ${own.version} (protocol ${own.protocol}) and cannot share it. ` +
        'This copy uses an isolated bus: align the @mfe-bus/core major versions of your remotes.',
    );
    this.name = 'ProtocolMismatchError';
    this.existing = existing;
    this.own = own;
  }
}

/** A request made through a scope was still waiting when the scope was disposed. */
export class ScopeDisposedError extends MfeBusError {
  static override readonly code = 'SCOPE_DISPOSED';
  declare readonly code: 'SCOPE_DISPOSED';
  readonly app: string;

  constructor(app: string) {
    super('SCOPE_DISPOSED', `The request was dropped: app "${app}" disposed its scope`);
    this.name = 'ScopeDisposedError';
    this.app = app;
  }
}
