import { describe, expect, it } from 'vitest';
import { covers, lanesOf, tabLanesOf } from './share';

describe('share', () => {
  it('matches a topic by itself, "*", or a domain pattern at any depth', () => {
    const patterns = ['nav:*', 'cart:updated'];
    expect(['nav:go', 'nav:deep:x', 'cart:updated'].map((topic) => covers(patterns, topic))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['navigation', 'cart:cleared', 'nav'].map((topic) => covers(patterns, topic))).toEqual([
      false,
      false,
      false,
    ]);
    expect(covers(['*'], 'anything')).toBe(true);
    expect(covers([], 'anything')).toBe(false);
  });

  it('lists nothing that is not given; tabs share one list both ways and no requests', () => {
    expect(lanesOf({ events: { out: ['a:*'] } })).toEqual({
      eventsOut: ['a:*'],
      eventsIn: [],
      stateOut: [],
      stateIn: [],
      requestsOut: [],
      requestsIn: [],
    });
    expect(tabLanesOf({ state: ['user'] })).toMatchObject({ stateOut: ['user'], stateIn: ['user'], requestsIn: [] });
  });
});
