/** Roughly how many values (long strings count more) a value sent to the extension may hold. */
const BUDGET = 2000;
const SUMMARY = '[summarised: ';

/**
 * `value` itself when it is small, else a short description (`"[summarised: Array(50000)]"`, `"[summarised: 1200 keys]"`): the extension
 * serialises everything it is sent on the page's thread, so a large value would make the page hang.
 * The walk stops as soon as the budget is spent.
 */
export function summarise(value: unknown): unknown {
  let budget = BUDGET;
  const fits = (node: unknown): boolean => {
    budget -= typeof node === 'string' ? 1 + (node.length >> 6) : 1;
    if (budget < 0) return false;
    if (node !== null && typeof node === 'object') {
      for (const key in node) if (!fits((node as Record<string, unknown>)[key])) return false;
    }
    return true;
  };
  if (fits(value)) return value;
  const size = typeof value === 'string' ? `${value.length} chars` : `${Object.keys(value as object).length} keys`;
  return `${SUMMARY}${Array.isArray(value) ? `Array(${value.length})` : size}]`;
}

export const isSummary = (value: unknown) => typeof value === 'string' && value.startsWith(SUMMARY);
