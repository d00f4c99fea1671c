import { version } from '../package.json';

/** Library version (the bundler inlines just this field of package.json). */
export const VERSION: string = version;

/**
 * Version of the shape of the page-wide bus (its record on `globalThis` and the `Bus` methods), as
 * "major.minor". Copies with the same major share one bus: a minor bump may only add, so an older or
 * newer copy of the same major still works with it. Bump the major for anything older copies cannot use.
 */
export const PROTOCOL = '1.1';

export function protocolMajor(protocol: string): number {
  return Number.parseInt(protocol, 10);
}
