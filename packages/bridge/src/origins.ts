import { invalid } from './invalid';

const isExactOrigin = (origin: unknown) => {
  try {
    return typeof origin === 'string' && new URL(origin).origin === origin;
  } catch {
    return false;
  }
};

/**
 * The origins a frame bridge talks to, each exact (`https://shop.example`, no path, no trailing slash).
 * `'*'` and `'null'` are refused: any page can be either.
 */
export function allowList(origin: string | readonly string[]): readonly string[] {
  const origins = [origin].flat();
  if (origins.length === 0 || !origins.every(isExactOrigin)) invalid(`origin ${origins} is not exact ("*" is refused)`);
  return origins;
}
