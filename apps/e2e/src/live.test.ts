import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { waitMounted } from './support/flow';
import { click, textOf, waitText } from './support/page';
import { REMOTES } from './support/remotes';
import { type DemoServer, startDemoServer } from './support/server';

// @mfe-bus/live and @mfe-bus/persist in the demo, against demo servers of this file's own (no timer pushes), so
// the connection counts are this file's alone.

interface LiveStats {
  open: number;
  sse: number;
  ws: number;
  connections: { transport: 'sse' | 'ws'; lastEventId: string | null; token: string | null }[];
}

const stats = async (server: DemoServer): Promise<LiveStats> =>
  (await fetch(new URL('live/stats', server.url))).json() as Promise<LiveStats>;

/** Polls the server's stats until `check` holds (connections open and close asynchronously). */
async function waitStats(server: DemoServer, check: (stats: LiveStats) => boolean): Promise<LiveStats> {
  const deadline = Date.now() + 10_000;
  let current = await stats(server);
  while (!check(current) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await stats(server);
  }
  expect(check(current), JSON.stringify(current)).toBe(true);
  return current;
}

/** Pushes an announcement to every connected page; resolves with its event id. */
async function announce(server: DemoServer, text: string): Promise<number> {
  const response = await fetch(new URL('live/announce', server.url), {
    method: 'POST',
    body: JSON.stringify({ text }),
  });
  return ((await response.json()) as { id: number }).id;
}

async function open(context: BrowserContext, server: DemoServer, query: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(new URL(query, server.url).href);
  return page;
}

describe('live: one server connection feeding the bus', () => {
  let browser: Browser;
  let server: DemoServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startDemoServer({ LIVE_INTERVAL_MS: '0' })]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });

  it('four remotes subscribed: the server counts exactly one connection per page, and every remote shows what it pushes', async () => {
    const contexts = await Promise.all([browser.newContext(), browser.newContext(), browser.newContext()]);
    try {
      const query = `?order=${REMOTES.join(',')}&liveShare=page`;
      const [sse, other, ws] = await Promise.all([
        open(contexts[0] as BrowserContext, server, query),
        open(contexts[1] as BrowserContext, server, query),
        open(contexts[2] as BrowserContext, server, `${query}&live=ws`),
      ]);
      for (const page of [sse, other, ws] as Page[]) {
        await waitMounted(page, REMOTES);
        await waitText(page, 'live-status', 'open');
      }
      const counted = await waitStats(server, ({ open }) => open === 3);
      expect([counted.sse, counted.ws]).toEqual([2, 1]);

      await announce(server, 'Deploy at noon');
      for (const page of [sse, other, ws] as Page[]) {
        for (const name of REMOTES) await waitText(page, `${name}-news`, 'Deploy at noon');
      }
      await click(sse as Page, 'ban-user');
      for (const page of [sse, other, ws] as Page[]) {
        for (const name of REMOTES) await waitText(page, `${name}-news`, 'banned: Ada Lovelace');
      }
      expect((await stats(server)).open).toBe(3);
    } finally {
      await Promise.all(contexts.map((context) => context.close()));
    }
    await waitStats(server, ({ open }) => open === 0);
  });

  it('closes the connection after its last subscriber unmounts (idleCloseMs) and reopens on the next one', async () => {
    const context = await browser.newContext();
    try {
      const page = await open(context, server, '?order=react&liveShare=page');
      await waitMounted(page, ['react']);
      await waitText(page, 'live-status', 'open');
      await waitStats(server, ({ open }) => open === 1);
      await click(page, 'react-unmount');
      await waitText(page, 'live-status', 'closed');
      await waitStats(server, ({ open }) => open === 0);
      await click(page, 'react-mount');
      await waitText(page, 'live-status', 'open');
      await waitStats(server, ({ open }) => open === 1);
    } finally {
      await context.close();
    }
  });

  it("two tabs with share: 'tabs': one connection for both; closing the leader tab hands it over", async () => {
    const context = await browser.newContext();
    try {
      const leader = await open(context, server, '?order=react');
      await waitMounted(leader, ['react']);
      await waitText(leader, 'live-status', 'open');
      const follower = await open(context, server, '?order=react');
      await waitMounted(follower, ['react']);
      await waitText(follower, 'live-status', 'open · via another tab');
      await waitStats(server, ({ open }) => open === 1);

      const id = await announce(server, 'Both tabs');
      await waitText(leader, 'react-news', 'Both tabs');
      await waitText(follower, 'react-news', 'Both tabs');

      const before = (await stats(server)).connections.length;
      await leader.close();
      await waitText(follower, 'live-status', 'open');
      const after = await waitStats(server, ({ open, connections }) => open === 1 && connections.length === before + 1);
      // The new leader resumed from the last event it saw through the old one.
      expect(after.connections.at(-1)?.lastEventId).toBe(String(id));
      await announce(server, 'After the hand-over');
      await waitText(follower, 'react-news', 'After the hand-over');
    } finally {
      await context.close();
    }
  });
});

describe('live: the server restarts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the page reconnects and receives what it missed, resuming from its last event id', async () => {
    // The event log is a file, as a real backend's is durable: what another server instance pushed while this
    // one was down is there when it comes back.
    const env = { LIVE_INTERVAL_MS: '0', LIVE_LOG: join(mkdtempSync(join(tmpdir(), 'mfe-bus-live-')), 'events.jsonl') };
    let server = await startDemoServer(env);
    const port = new URL(server.url).port;
    const context = await browser.newContext();
    try {
      const page = await open(context, server, '?order=react&liveShare=page');
      await waitMounted(page, ['react']);
      await waitText(page, 'live-status', 'open');
      await page.evaluate(() => {
        type Subscribe = (topic: string, handler: (payload: { text: string }) => void, options: object) => void;
        const registry = globalThis as unknown as Record<symbol, { bus: { subscribe: Subscribe } }>;
        const texts: string[] = [];
        (globalThis as unknown as { texts: string[] }).texts = texts;
        registry[Symbol.for('mfe-bus')]?.bus.subscribe('admin:announcement', ({ text }) => texts.push(text), {
          replay: false,
        });
      });
      const seen = await announce(server, 'Before the restart');
      await waitText(page, 'react-news', 'Before the restart');

      await server.stop();
      await page.waitForFunction(() => document.querySelector('[data-testid="live-status"]')?.textContent !== 'open');
      const elsewhere = await startDemoServer(env);
      await announce(elsewhere, 'While you were away');
      await elsewhere.stop();
      server = await startDemoServer({ ...env, PORT: port });

      await waitText(page, 'react-news', 'While you were away', 20_000);
      await waitText(page, 'live-status', 'open');
      expect(await page.evaluate(() => (globalThis as unknown as { texts: string[] }).texts)).toEqual([
        'Before the restart',
        'While you were away',
      ]);
      expect((await stats(server)).connections).toEqual([{ transport: 'sse', lastEventId: String(seen), token: '' }]);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});

describe('persist: the theme survives a reload', () => {
  let browser: Browser;
  let server: DemoServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startDemoServer({ LIVE_INTERVAL_MS: '0' })]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.stop()]);
  });

  it('reload keeps the theme (localStorage mfe-bus:theme)', async () => {
    const context = await browser.newContext();
    try {
      const page = await open(context, server, '?order=react');
      await waitMounted(page, ['react']);
      await waitText(page, 'shell-theme', 'light');
      await click(page, 'react-next-theme');
      await waitText(page, 'shell-theme', 'dark');
      await page.reload(); // pagehide flushes the debounced write
      await waitMounted(page, ['react']);
      await waitText(page, 'shell-theme', 'dark');
      await waitText(page, 'react-theme', 'dark');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('mfe-bus:theme') ?? 'null'));
      expect(stored).toEqual({ v: 1, at: expect.any(Number), value: 'dark' });
    } finally {
      await context.close();
    }
  });

  it('a corrupted stored theme is dropped with a report; the page starts with the default', async () => {
    const context = await browser.newContext();
    try {
      const page = await open(context, server, '?order=react');
      await waitText(page, 'shell-theme', 'light');
      // The default theme's write (debounced) has landed: nothing is waiting to overwrite the corruption.
      await expect.poll(() => page.evaluate(() => localStorage.getItem('mfe-bus:theme'))).not.toBeNull();
      await page.evaluate(() => localStorage.setItem('mfe-bus:theme', '{"v":1,"at":'));
      const reports: unknown[] = [];
      page.on('console', async (message) => {
        if (message.type() === 'error') reports.push(await message.args()[1]?.jsonValue());
      });
      await page.reload();
      await waitMounted(page, ['react']);
      await waitText(page, 'shell-theme', 'light');
      await waitText(page, 'react-theme', 'light');
      await expect
        .poll(() => reports)
        .toContainEqual({ kind: 'report', report: 'invalid-stored-value', name: 'theme', source: 'shell' });
      expect(await textOf(page, 'shell-theme')).toBe('light');
      // Dropped, then the default written in its place.
      await expect
        .poll(() => page.evaluate(() => localStorage.getItem('mfe-bus:theme')))
        .toMatch(/^\{"v":1,"at":\d+,"value":"light"\}$/);
    } finally {
      await context.close();
    }
  });
});
