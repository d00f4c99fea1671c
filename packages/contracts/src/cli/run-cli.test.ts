// Each fixture directory holds a pair of manifests (old.json, new.json) that differ by one change.
import { describe, expect, it } from 'vitest';
import { EXIT, runCli, USAGE } from './run-cli';

const fixture = (name: string, file: string) =>
  new URL(`../../test/fixtures/${name}/${file}`, import.meta.url).pathname;

function run(...args: string[]) {
  const out: string[] = [];
  const error: string[] = [];
  const code = runCli(args, { out: (line) => out.push(line), error: (line) => error.push(line) });
  return { code, out, error };
}

const check = (name: string, ...flags: string[]) =>
  run('check', fixture(name, 'old.json'), fixture(name, 'new.json'), ...flags);

describe('mfe-bus-contracts check', () => {
  it.each([
    ['added-key', 0, ['ok        events "cart:cleared": added', 'no breaking changes']],
    ['annotations-changed', 0, ['ok        events "cart:updated": payload: changed compatibly', 'no breaking changes']],
    ['bound-relaxed', 0, ['ok        events "cart:updated": payload: changed compatibly', 'no breaking changes']],
    [
      'bound-tightened',
      1,
      [
        'BREAKING  events "cart:updated": payload.item: minLength raised to 1',
        'BREAKING  events "cart:updated": payload.item: maxLength lowered to 50',
        '2 breaking changes',
      ],
    ],
    [
      'breaking-with-new-major',
      1,
      ['BREAKING  events "cart:updated": payload.quantity: type changed from number to string', '1 breaking change'],
    ],
    ['deprecated', 0, ['ok        state "theme": deprecated: use ui:theme', 'no breaking changes']],
    ['enum-narrowed', 1, ['BREAKING  state "theme": value: no longer accepts "contrast"', '1 breaking change']],
    ['identical', 0, ['no breaking changes']],
    [
      'integer-narrowed',
      1,
      ['BREAKING  events "cart:updated": payload.quantity: type changed from number to integer', '1 breaking change'],
    ],
    ['made-nullable', 0, ['ok        state "theme": value: changed compatibly', 'no breaking changes']],
    [
      'new-required-field',
      1,
      ['BREAKING  events "cart:updated": payload: new required field "currency"', '1 breaking change'],
    ],
    [
      'no-longer-sensitive',
      1,
      [
        'BREAKING  events "auth:token": no longer sensitive: its payloads will be buffered and shown',
        '1 breaking change',
      ],
    ],
    [
      'no-more-extra-fields',
      1,
      ['BREAKING  events "cart:updated": payload: no longer accepts other fields', '1 breaking change'],
    ],
    ['nullable-removed', 1, ['BREAKING  state "theme": value: no longer accepts null', '1 breaking change']],
    [
      'optional-field-added',
      0,
      [
        'ok        events "cart:updated": payload: changed compatibly',
        'ok        events "cart:updated": version 2.1.0 -> 2.2.0',
        'no breaking changes',
      ],
    ],
    [
      'optional-field-now-required',
      1,
      ['BREAKING  events "cart:updated": payload.note: now required', '1 breaking change'],
    ],
    ['owner-added', 1, ['BREAKING  state "theme": owner: only shell may write it now', '1 breaking change']],
    [
      'owner-dropped',
      0,
      ['ok        requests "user:permissions": owner: any app may write it now', 'no breaking changes'],
    ],
    ['owner-narrowed', 1, ['BREAKING  events "cart:updated": owner: vue may no longer write it', '1 breaking change']],
    ['owner-widened', 0, ['ok        events "cart:updated": owner: svelte may write it now', 'no breaking changes']],
    [
      'params-narrowed',
      1,
      [
        'BREAKING  requests "user:permissions": params.userId: format is now "uuid"',
        'BREAKING  requests "user:permissions": version not bumped for a breaking change: 1.0.0 -> 1.1.0 (needs a new major)',
        '2 breaking changes',
      ],
    ],
    [
      'pattern-added',
      1,
      ['BREAKING  events "cart:updated": payload.item: pattern is now "^[a-z]+$"', '1 breaking change'],
    ],
    ['removed-key', 1, ['BREAKING  events "cart:updated": removed', '1 breaking change']],
    [
      'required-field-now-optional',
      1,
      ['BREAKING  events "cart:updated": payload.quantity: no longer required', '1 breaking change'],
    ],
    [
      'required-field-removed',
      1,
      ['BREAKING  events "cart:updated": payload: required field "quantity" removed', '1 breaking change'],
    ],
    [
      'required-field-renamed',
      1,
      ['BREAKING  events "cart:updated": payload: required field "item" renamed to "sku"', '1 breaking change'],
    ],
    [
      'result-item-type-changed',
      1,
      ['BREAKING  requests "user:permissions": result[]: type changed from string to object', '1 breaking change'],
    ],
    [
      'schema-no-longer-exported',
      0,
      ['ok        state "theme": value: not compared (a manifest has no JSON Schema for it)', 'no breaking changes'],
    ],
    [
      'type-changed',
      1,
      ['BREAKING  events "cart:updated": payload.quantity: type changed from number to string', '1 breaking change'],
    ],
    [
      'type-widened',
      0,
      [
        'ok        events "cart:updated": payload: changed compatibly',
        'ok        events "cart:updated": version 2.1.0 -> 2.2.0',
        'no breaking changes',
      ],
    ],
    [
      'unknown-keyword-changed',
      1,
      [
        'BREAKING  state "theme": value: "$ref" changed, which this check cannot compare: review it by hand',
        '1 breaking change',
      ],
    ],
    [
      'version-not-bumped',
      1,
      [
        'BREAKING  events "cart:updated": payload.quantity: type changed from number to string',
        'BREAKING  events "cart:updated": version not bumped for a breaking change: 2.1.0 -> 2.2.0 (needs a new major)',
        '2 breaking changes',
      ],
    ],
    ['version-removed', 1, ['BREAKING  events "cart:updated": version removed (was 2.1.0)', '1 breaking change']],
    [
      'version-went-back',
      1,
      ['BREAKING  events "cart:updated": version went back from 2.1.0 to 2.0.0', '1 breaking change'],
    ],
  ] as const)('%s: exit %i', (name, code, lines) => {
    expect(check(name)).toEqual({ code, out: lines, error: [] });
  });

  it('accepts breaking changes that come with a new major when asked to (--accept-major)', () => {
    expect(check('breaking-with-new-major', '--accept-major')).toEqual({
      code: EXIT.ok,
      out: [
        'ok        events "cart:updated": accepted with the new major 3.0.0: payload.quantity: type changed from number to string',
        'no breaking changes',
      ],
      error: [],
    });
    // Without a new major the flag changes nothing.
    expect(check('version-not-bumped', '--accept-major').code).toBe(EXIT.breaking);
  });

  it.each([
    [[]],
    [['check']],
    [['check', 'a.json']],
    [['diff', 'a.json', 'b.json']],
    [['check', 'a.json', 'b.json', 'c.json']],
    [['check', 'a.json', 'b.json', '--force']],
  ])('prints the usage and exits 2 for %j', (args) => {
    expect(run(...args)).toEqual({ code: EXIT.usage, out: [], error: [USAGE] });
  });

  it('exits 2 naming the file that is missing, not JSON or not a manifest', () => {
    const good = fixture('identical', 'old.json');
    const cases = [
      ['missing.json', /missing\.json: ENOENT/],
      [new URL('../../package.json', import.meta.url).pathname, /package\.json: not a contracts manifest/],
      [new URL(import.meta.url).pathname, /run-cli\.test\.ts: .*JSON/],
    ] as const;
    for (const [file, message] of cases) {
      const { code, error } = run('check', good, file);
      expect(code).toBe(EXIT.usage);
      expect(error.join('\n')).toMatch(message);
    }
  });
});
