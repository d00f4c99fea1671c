import { type Bus, createBus } from '@mfe-bus/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublishEntry, StateEntry, TimelineEntry } from './entries';
import { record } from './record';
import { redactSecrets } from './redact';

let bus: Bus;
beforeEach(() => {
  bus = createBus();
});
afterEach(() => bus.destroy());

describe('redaction', () => {
  it('masks keys named like token, password, secret or authorization at any depth, by default', () => {
    const recorder = record(bus);
    bus.setState('auth', {
      user: 'ada',
      accessToken: 'abc',
      headers: [{ Authorization: 'Bearer abc', accept: 'json' }],
      nested: { password: 'hunter2', clientSecret: 's', keep: 1 },
    });
    expect((recorder.entries()[0] as StateEntry).next).toEqual({
      user: 'ada',
      accessToken: '[redacted]',
      headers: [{ Authorization: '[redacted]', accept: 'json' }],
      nested: { password: '[redacted]', clientSecret: '[redacted]', keep: 1 },
    });
  });

  it('masks the whole value when the topic or key is named like a secret', () => {
    const recorder = record(bus);
    bus.publish('auth:token-refreshed', 'token-2');
    bus.setState('apiToken', { value: 'abc' });
    bus.setState('apiToken', { value: 'def' });
    const [publish, first, second] = recorder.entries() as [PublishEntry, StateEntry, StateEntry];
    expect(publish.payload).toBe('[redacted]');
    expect(first).toMatchObject({ previous: undefined, next: '[redacted]' });
    expect(second).toMatchObject({ previous: '[redacted]', next: '[redacted]' });
  });

  it('masks request params', async () => {
    const recorder = record(bus);
    bus.provide('login', () => true);
    await bus.request('login', { user: 'ada', password: 'hunter2' });
    expect(recorder.entries().find((entry) => entry.type === 'request')).toMatchObject({
      params: { user: 'ada', password: '[redacted]' },
    });
  });

  it('lets the app drop or mask fields itself, starting from the defaults if it likes', () => {
    const dropPayloads = (entry: TimelineEntry): TimelineEntry =>
      entry.type === 'publish' && entry.topic.startsWith('profile:') ? { ...entry, payload: '[personal data]' } : entry;
    const recorder = record(bus, { redact: (entry) => dropPayloads(redactSecrets(entry)) });
    bus.publish('profile:updated', { email: 'ada@example.com' });
    bus.publish('cart:updated', { count: 1, token: 'x' });
    expect(recorder.entries().map((entry) => (entry as PublishEntry).payload)).toEqual([
      '[personal data]',
      { count: 1, token: '[redacted]' },
    ]);
  });

  it('keeps everything when told to', () => {
    const recorder = record(bus, { redact: (entry) => entry });
    bus.publish('auth:token-refreshed', { token: 't' });
    expect((recorder.entries()[0] as PublishEntry).payload).toEqual({ token: 't' });
  });
});
