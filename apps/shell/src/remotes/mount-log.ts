import { byTestId, setText } from '../dom';

const entries: string[] = [];

/** Records when each remote mounted (ms since navigation), so the load order is visible and testable. */
export function logMount(name: string): void {
  entries.push(`${name} @ ${Math.round(performance.now())} ms`);
  setText(byTestId('mount-log'), entries.join(' → '));
}
