// The built `mfe-bus-contracts` command as CI runs it (turbo builds this package before its tests).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bin = new URL(
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).bin['mfe-bus-contracts'],
  new URL('../', import.meta.url),
);
const fixture = (name: string, file: string) => new URL(`fixtures/${name}/${file}`, import.meta.url).pathname;

const run = (...args: string[]) => spawnSync(process.execPath, [bin.pathname, ...args], { encoding: 'utf8' });

describe('the mfe-bus-contracts bin', () => {
  it('is a Node script', () => {
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('exits 0 without breaking changes, 1 with some, 2 on wrong input', () => {
    const check = (name: string) => run('check', fixture(name, 'old.json'), fixture(name, 'new.json'));
    expect(check('added-key')).toMatchObject({ status: 0, stdout: expect.stringContaining('no breaking changes') });
    expect(check('removed-key')).toMatchObject({
      status: 1,
      stdout: 'BREAKING  events "cart:updated": removed\n1 breaking change\n',
    });
    expect(run('check', fixture('identical', 'old.json'))).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Usage'),
    });
  });
});
