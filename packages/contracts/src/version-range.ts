// `*`, `2`, `2.1`, `2.1.0` (those parts exactly), `^2.1.0`, `~2.1.0`, `>=2.1.0`, with npm's meaning.
const RANGE = /^(\^|~|>=)?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/** Whether `satisfies` can read `range`. */
export const isRange = (range: unknown): range is string =>
  range === '*' || (typeof range === 'string' && RANGE.test(range));

/** Whether `version` (major.minor.patch; a pre-release tag is ignored) is in `range` (see `isRange`). */
export function satisfies(version: string | undefined, range: string): boolean {
  if (range === '*') return true;
  if (version === undefined) return false;
  const [, operator, ...parts] = RANGE.exec(range) as RegExpExecArray;
  const given = parts.filter((part) => part !== undefined).map(Number);
  const have = version.split(/[.+-]/, 3).map(Number);
  // How many leading parts must stay as given: npm's caret keeps everything up to the first non-zero part.
  const kept =
    operator === '>='
      ? 0
      : operator === '~'
        ? Math.min(given.length, 2)
        : operator === '^'
          ? given.findIndex((part) => part !== 0) + 1 || given.length
          : given.length;
  // The first part that differs decides: it must not be a kept one, and it must be greater.
  for (let index = 0; index < 3; index++) {
    const part = have[index] as number;
    const want = given[index] ?? 0;
    if (part !== want) return index >= kept && part > want;
  }
  return true;
}
