import { describe, expect, it } from 'vitest';
import { readManifest } from './read-manifest';

const manifest = (sections: Record<string, unknown>) =>
  JSON.stringify({ manifest: 1, events: {}, state: {}, requests: {}, ...sections });

describe('readManifest', () => {
  it('reads a manifest, keeping "__proto__" and "constructor" as plain keys', () => {
    const text = manifest({ state: JSON.parse('{"__proto__": {"version": "1.0.0"}, "constructor": {}}') });
    const read = readManifest(text);
    expect(Object.keys(read.state)).toEqual(['__proto__', 'constructor']);
    expect(Object.prototype).not.toHaveProperty('version');
  });

  it.each([
    ['[]', 'not a contracts manifest'],
    ['{"manifest": 2, "events": {}, "state": {}, "requests": {}}', 'not a contracts manifest'],
    [manifest({ events: [] }), '"events" must be an object'],
    [manifest({ state: { theme: 1 } }), 'state["theme"] must be an object'],
    [manifest({ state: { theme: { owner: 'shell' } } }), 'state["theme"].owner is not valid'],
    [manifest({ state: { theme: { version: '2' } } }), 'state["theme"].version is not valid'],
    [manifest({ state: { theme: { schema: 'string' } } }), 'state["theme"].schema is not valid'],
    [manifest({ state: { theme: { sensitive: false } } }), 'state["theme"].sensitive is not valid'],
    [manifest({ state: { theme: { toString: {} } } }), 'state["theme"].toString is not valid'],
  ])('refuses %s', (text, message) => {
    expect(() => readManifest(text)).toThrow(message);
  });
});
