import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from './support/server';

describe('apps/shell/scripts/serve.mjs', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('prints its URL and serves the shell with no-store caching', async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const response = await fetch(`${server.url}?order=react`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBeNull();
    expect(await response.text()).toContain('<mfe-bus-devtools open data-testid="devtools">');
  });

  it('serves the page under a strict Content-Security-Policy with ?csp', async () => {
    const response = await fetch(`${server.url}?csp&order=react`);
    // The frame remote's origin (the second port) is the one frame the page may embed.
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'self'; style-src 'self'; frame-src http:\/\/localhost:\d+$/,
    );
  });

  it('answers 404 for unknown files and paths escaping the served folders, 405 for other methods', async () => {
    expect((await fetch(`${server.url}nope.js`)).status).toBe(404);
    expect((await fetch(`${server.url}remotes/react/%2e%2e/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST' })).status).toBe(405);
  });

  it('honours PORT and exits with 0 on SIGINT and on SIGTERM', async () => {
    const probe = await startDemoServer();
    const port = new URL(probe.url).port;
    await probe.stop();
    const fixed = await startDemoServer({ PORT: port });
    expect(fixed.url).toBe(`http://localhost:${port}/`);
    expect(await fixed.stop('SIGINT')).toBe(0);
    const other = await startDemoServer();
    expect(await other.stop('SIGTERM')).toBe(0);
    expect(other.output()).toContain('SIGTERM: stopping');
  });
});
