import { createBus } from '@mfe-bus/core';
import { describe, expect, it } from 'vitest';
import { record } from '../recorder/record';
import { matches, type TimelineFilter } from './timeline-filter';

const any: TimelineFilter = { app: '', kind: '', name: '', text: '' };

function sampleTimeline() {
  const bus = createBus({ onError: () => {} });
  const recorder = record(bus);
  bus.scope('vue').subscribe('cart:updated', () => {});
  bus.scope('react').publish('cart:updated', { count: 2 });
  bus.scope('shell').setState('theme', 'dark');
  bus.use({
    setup: (tools) => tools.report(new Error('bad'), { report: 'violation', name: 'cart:updated', source: 'svelte' }),
  });
  return recorder.entries();
}

describe('timeline filter', () => {
  const entries = sampleTimeline();
  const shown = (filter: Partial<TimelineFilter>) =>
    entries.filter((entry) => matches(entry, { ...any, ...filter })).map((entry) => entry.type);

  it('matches everything when empty', () => {
    expect(shown({})).toEqual(['churn', 'publish', 'state', 'report']);
  });

  it('matches an app wherever it took part: publisher, receiver, writer', () => {
    expect(shown({ app: 'vue' })).toEqual(['churn', 'publish']);
    expect(shown({ app: 'react' })).toEqual(['publish']);
    expect(shown({ app: 'shell' })).toEqual(['state']);
  });

  it('matches a kind, violations apart from other reports', () => {
    expect(shown({ kind: 'violation' })).toEqual(['report']);
    expect(shown({ kind: 'state' })).toEqual(['state']);
  });

  it('matches part of the topic or key, and any text in the entry, ignoring case', () => {
    expect(shown({ name: 'CART:' })).toEqual(['churn', 'publish', 'report']);
    expect(shown({ text: '"count":2' })).toEqual(['publish']);
    expect(shown({ text: 'DARK', app: 'shell' })).toEqual(['state']);
    expect(shown({ text: 'dark', app: 'vue' })).toEqual([]);
  });
});
