import type { DropReason } from './bridge-error';
import { VERSION } from './envelope';
import { isName } from './plain-data';

/** Marks a window message as a bridge's: other libraries post on windows too. */
const MARK = 'mfe-bus:bridge';

/**
 * The only messages that travel on windows: the parent `ping`s the frame, the frame says `hello` with its
 * bridge's id, the parent answers `connect` with that id and a private `MessagePort`. Everything else goes
 * through the port, which no other frame can post to.
 */
export type Handshake = ['ping' | 'hello' | 'connect', id: string];

export const handshake = (...message: Handshake) => [MARK, VERSION, ...message];

/**
 * A window message from `from` (the frame's or the parent's window) as a handshake, or why it must be dropped:
 * an origin outside the allow-list, the wrong window, another version, a malformed message. `undefined` for a
 * message that is not a bridge's (other libraries post on windows too).
 */
export function readHandshake(
  { data, origin, source }: MessageEvent,
  from: unknown,
  origins: readonly string[],
): Handshake | DropReason | undefined {
  if (!Array.isArray(data) || data[0] !== MARK) return undefined;
  if (!origins.includes(origin)) return 'origin';
  if (source !== from) return 'source';
  if (data[1] !== VERSION) return 'version';
  const [, , kind, id] = data as unknown[];
  return (kind === 'ping' || kind === 'hello' || kind === 'connect') && isName(id) && data.length === 4
    ? [kind, id]
    : 'envelope';
}
