// What the core README's blocks leave to the app.
import type { EventHandler } from '@mfe-bus/core';

declare global {
  const handler: EventHandler<unknown>;
  const onAuth: EventHandler<unknown>;
  const controller: AbortController;
  const signal: AbortSignal;
  /** `meta.seq` of the last event the app saw. */
  const lastSeenSeq: number;
  const payload: { count: number };
  const next: { count: number };
  function report(key: string, requester: string | null, durationMs: number | undefined): void;
}
