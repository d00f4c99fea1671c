import type { BusSnapshot } from '@mfe-bus/core';
import { bus } from './bus';
import { byTestId, setText } from './dom';

const json = (value: unknown) => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

function section(title: string, lines: string[]): string[] {
  return [`${title}:`, ...(lines.length > 0 ? lines.map((line) => `  ${line}`) : ['  (none)'])];
}

/** A plain-text rendering of `bus.inspect()`. */
export function formatSnapshot(snapshot: BusSnapshot): string {
  const { counts } = snapshot;
  return [
    `mfe-bus ${snapshot.version} (protocol ${snapshot.protocol})`,
    `${plural(counts.subscribers, 'subscriber')} · ${plural(counts.watchers, 'watcher')} · ` +
      `${plural(counts.providers, 'provider')} · ${counts.pending} pending`,
    ...section(
      'topics',
      snapshot.topics.map(
        (topic) => `${topic.topic}: ${plural(topic.subscribers, 'subscriber')}, ${topic.buffered.length} buffered`,
      ),
    ),
    ...section(
      'patterns',
      snapshot.patterns.map((pattern) => `${pattern.pattern}: ${plural(pattern.subscribers, 'subscriber')}`),
    ),
    ...section(
      'state',
      snapshot.state.map((entry) => `${entry.key} (${plural(entry.watchers, 'watcher')}) = ${json(entry.value)}`),
    ),
    ...section(
      'providers',
      snapshot.providers.map((provider) => `${provider.key} ×${provider.registered}, ttl ${provider.ttlMs} ms`),
    ),
    ...section(
      'pending requests',
      snapshot.pending.map(
        (call) =>
          `${call.key} ${json(call.params)}: ${plural(call.requesters, 'requester')}` +
          (call.waitingForProvider ? ', waiting for a provider' : ''),
      ),
    ),
    ...section(
      'cache',
      snapshot.cache.map(
        (entry) => `${entry.key} ${json(entry.params)}: ${(entry.expiresInMs / 1000).toFixed(0)} s left`,
      ),
    ),
  ].join('\n');
}

/** Re-renders the debug panel (and anything else passed in `alsoRefresh`) a few times a second. */
export function startDebugPanel(alsoRefresh: () => void, intervalMs = 250): void {
  const panel = byTestId('debug-panel');
  const tick = () => {
    setText(panel, formatSnapshot(bus.inspect()));
    alsoRefresh();
  };
  tick();
  setInterval(tick, intervalMs);
}
