import type { Source } from '@mfe-bus/core';
import { isCount, isName, isSource } from './plain-data';

/** The wire protocol's version: an envelope of another version is dropped and reported. */
export const VERSION = 1;

/** One state value with its logical-clock stamp: key, value, clock, writer (a bridge or tab id), source app. */
export type StateEntry = [key: string, value: unknown, clock: number, writer: string, source: Source];

/** A provider error as it crosses: name, message, code. */
export type ErrorShape = [name: string, message: string, code: string | null];

/**
 * What crosses, as tuples of plain data: no keys to interpret, so nothing that arrives can name a property,
 * a path or a prototype. Payloads, values and params travel as data (structured clone).
 */
export type Message =
  /** `replay: false` for a topic the sending bus holds sensitive: kept out of replay buffers on this side too. */
  | ['event', topic: string, payload: unknown, source: Source, replay: boolean]
  | ['state', entry: StateEntry]
  /**
   * Every shared value this side holds, and its clock. Between tabs, one for every tab (`to` is '') asks the
   * others for theirs, and a reply names its tab.
   */
  | ['snapshot', time: number, entries: StateEntry[], to: string]
  | ['request', id: number, key: string, params: unknown, source: Source]
  | ['abort', id: number]
  | ['response', id: number, value: unknown, error: ErrorShape | null]
  | ['bye'];

/** An envelope: the version, the sender's sequence number and id, then the message. */
export type Envelope = [version: typeof VERSION, seq: number, from: string, ...message: Message];

type Check = (value: unknown) => boolean;

const anything: Check = () => true;
const isString: Check = (value) => typeof value === 'string';
const tupleOf =
  (...checks: Check[]): Check =>
  (value) =>
    Array.isArray(value) && value.length === checks.length && checks.every((check, index) => check(value[index]));
const isEntry = tupleOf(isName, anything, isCount, isString, isSource);
const isEntries: Check = (value) => Array.isArray(value) && value.every(isEntry);
const isErrorShape = tupleOf(isString, isString, (code) => code === null || isString(code));

const SHAPES = new Map<unknown, Check>([
  ['event', tupleOf(isName, anything, isSource, (replay) => typeof replay === 'boolean')],
  ['state', tupleOf(isEntry)],
  ['snapshot', tupleOf(isCount, isEntries, isString)],
  ['request', tupleOf(isCount, isName, anything, isSource)],
  ['abort', tupleOf(isCount)],
  ['response', tupleOf(isCount, anything, (error) => error === null || isErrorShape(error))],
  ['bye', tupleOf()],
]);

/** What arrived, as a checked envelope (a copy), or why it must be dropped. */
export function readEnvelope(data: unknown): Envelope | 'version' | 'envelope' {
  try {
    if (!Array.isArray(data)) return 'envelope';
    if (data[0] !== VERSION) return 'version';
    const shape = SHAPES.get(data[3]);
    return shape && isCount(data[1]) && isString(data[2]) && shape(data.slice(4))
      ? (data.slice() as Envelope)
      : 'envelope';
  } catch {
    // Only an object made in this realm can throw here (a getter, a proxy): a same-page fake port.
    return 'envelope';
  }
}
