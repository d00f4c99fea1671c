import type { Bus, StateValue } from '@mfe-bus/core';
import { report } from './report';

/** How a commit ended. */
export type CommitOutcome<Value> =
  /** The server accepted it: `value` is what the key holds now (the server's confirmed value, if it sent one). */
  | { status: 'confirmed'; value: Value | undefined }
  /** The server refused it and the key went back to its value before the commit. */
  | { status: 'reverted'; error: unknown }
  /** The server refused it, but the key had been written since: the newer value stays, a conflict is reported. */
  | { status: 'conflict'; error: unknown }
  /** A later commit on the key took over; this one's answer was ignored. */
  | { status: 'superseded' };

/** Sends the value to the server; resolves with the value the server confirmed, or nothing to keep it. */
// biome-ignore lint/suspicious/noConfusingVoidType: a send that resolves with nothing (an async function) must type-check
export type CommitSend<Value> = (value: Value, context: { signal: AbortSignal }) => Promise<Value | undefined | void>;

interface Commit {
  controller: AbortController;
  /** The value to go back to: the key's value before the first of the commits that superseded each other. */
  base: unknown;
}

const inFlight = new WeakMap<Bus, Map<string, Commit>>();

/** The state key that is `true` while a commit on `key` waits for the server. */
export const pendingKey = (key: string) => `${key}:pending`;

/**
 * Optimistic write: sets `next` at once (watchers see `meta.optimistic === true`), then `send`s it. While the
 * server has not answered, `<key>:pending` is `true`: it also tells when a commit that changes nothing more
 * (the server kept the value, so no write follows) is settled. A later commit on the same key supersedes this
 * one: its `signal` aborts and its answer is ignored.
 */
export async function commitState<Value = unknown, Key extends string = string>(
  bus: Bus,
  key: Key,
  next: StateValue<Key, Value>,
  send: CommitSend<NoInfer<StateValue<Key, Value>>>,
): Promise<CommitOutcome<StateValue<Key, Value>>> {
  const commits = inFlight.get(bus) ?? new Map<string, Commit>();
  inFlight.set(bus, commits);
  const earlier = commits.get(key);
  earlier?.controller.abort();
  const commit: Commit = { controller: new AbortController(), base: earlier ? earlier.base : bus.getState(key) };
  commits.set(key, commit);
  // An updater, so a value that is a function is stored, not called.
  const write = (value: unknown, optimistic = false) => bus.setState<unknown, string>(key, () => value, { optimistic });
  const settle = () => {
    commits.delete(key);
    bus.setState(pendingKey(key), false);
  };

  let written: unknown;
  try {
    bus.setState(pendingKey(key), true);
    write(next, true);
    written = bus.getState(key);
  } catch (error) {
    // Refused by a plugin (a contract): nothing was sent.
    settle();
    throw error;
  }
  const untouched = () => Object.is(bus.getState(key), written);

  try {
    const confirmed = await send(next, { signal: commit.controller.signal });
    if (commits.get(key) !== commit) return { status: 'superseded' };
    settle();
    if (confirmed !== undefined && untouched()) write(confirmed);
    return { status: 'confirmed', value: bus.getState(key) };
  } catch (error) {
    if (commits.get(key) !== commit) return { status: 'superseded' };
    settle();
    if (untouched()) {
      write(commit.base);
      return { status: 'reverted', error };
    }
    report(bus, error, {
      report: 'conflict',
      name: key,
      detail: { attempted: next, current: bus.getState(key) },
    });
    return { status: 'conflict', error };
  }
}
