import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { expectSignedIn, logIn, refreshToken, waitMounted } from './support/flow';
import { type Counts, click, openDemo, pageApps, pageCounts, textOf, waitText } from './support/page';
import { nextTheme, PERMISSIONS, REMOTES, type Remote, TITLE, USER } from './support/remotes';

/**
 * What the shell alone holds: the cart subscription, 6 state watchers (the live status and the persisted theme
 * among them), the permissions and auth:token providers; and the live connection's auth:token-refreshed
 * subscription (app live:demo).
 */
const SHELL_ONLY = { subscribers: 2, watchers: 6, providers: 2, pending: 0 };
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const formatOwn = (own: Omit<Counts, 'pending'>) =>
  `own: ${plural(own.subscribers, 'subscriber')} · ${plural(own.watchers, 'watcher')} · ${plural(own.providers, 'provider')}`;
const ZERO = formatOwn({ subscribers: 0, watchers: 0, providers: 0 });

async function ownCounts(page: Page, name: Remote): Promise<Omit<Counts, 'pending'>> {
  const match = /^own: (\d+) subscribers? · (\d+) watchers? · (\d+) providers?$/.exec(
    await textOf(page, `${name}-own-counts`),
  );
  if (!match) throw new Error(`unexpected own counts for ${name}`);
  return { subscribers: Number(match[1]), watchers: Number(match[2]), providers: Number(match[3]) };
}

/** Polls the page-wide counts until they equal `expected` (the debug panel's ticker is asynchronous). */
async function waitPageCounts(page: Page, expected: Counts): Promise<void> {
  const deadline = Date.now() + 5_000;
  let actual = await pageCounts(page);
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    actual = await pageCounts(page);
  }
  expect(actual).toEqual(expected);
}

describe('unmounting and remounting remotes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('each remote is its own app on the bus: what it holds and what it publishes are attributed to it', async () => {
    const { page, errors, close } = await openDemo(browser, `?order=${REMOTES.join(',')}`);
    try {
      await waitMounted(page, REMOTES);
      await logIn(page);
      await expectSignedIn(page, REMOTES, 'token-1', 0);
      const apps = await pageApps(page);
      expect(new Set(apps.map(({ app }) => app))).toEqual(new Set(['shell', 'live:demo', ...REMOTES]));
      for (const name of REMOTES) {
        const own = apps.find(({ app }) => app === name) ?? { subscribers: 0, watchers: 0, providers: 0, pending: 0 };
        expect(own.pending).toBe(0);
        expect(Math.min(own.subscribers, own.watchers, own.providers)).toBeGreaterThan(0);
        // The shell's row shows what inspect().apps says.
        await waitText(page, `${name}-own-counts`, formatOwn(own));
      }

      // Record the source of every cart event from now on, on the page-wide bus.
      await page.evaluate(() => {
        type Meta = { source: unknown; replayed: boolean };
        type Subscribe = (topic: string, handler: (payload: unknown, meta: Meta) => void) => void;
        const registry = globalThis as unknown as Record<symbol, { bus: { subscribe: Subscribe } }>;
        const sources: unknown[] = [];
        (globalThis as unknown as { sources: unknown[] }).sources = sources;
        registry[Symbol.for('mfe-bus')]?.bus.subscribe('cart:updated', (_payload, meta) => {
          if (!meta.replayed) sources.push(meta.source);
        });
      });
      for (const name of REMOTES) {
        await click(page, `${name}-add-to-cart`);
        await waitText(page, `${name}-cart-adds`, '1');
      }
      expect(await page.evaluate(() => (globalThis as unknown as { sources: unknown[] }).sources)).toEqual([
        ...REMOTES,
      ]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('unmount releases every listener, watcher and provider; remount shows the current state at once', async () => {
    const { page, errors, close } = await openDemo(browser, `?order=${REMOTES.join(',')}`);
    try {
      await waitMounted(page, REMOTES);
      await logIn(page);
      await refreshToken(page, 'token-2');
      await expectSignedIn(page, REMOTES, 'token-2', 1);
      // Let the shell's ticker catch up with the remotes' registrations (nothing pending any more).
      await waitPageCounts(page, { ...(await pageCounts(page)), pending: 0 });
      const baseline = await pageCounts(page);

      let token = 2;
      let theme = await textOf(page, 'shell-theme');
      for (const [index, name] of REMOTES.entries()) {
        const own = await ownCounts(page, name);
        expect(own.subscribers).toBeGreaterThan(0);
        expect(own.watchers).toBeGreaterThan(0);
        expect(own.providers).toBeGreaterThan(0);

        await click(page, `${name}-unmount`);
        await waitText(page, `${name}-status`, 'unmounted');
        await waitText(page, `${name}-own-counts`, ZERO);
        await waitText(page, `${name}-root`, '');
        await waitText(
          page,
          `${name}-unmounted-note`,
          `${TITLE[name]} is unmounted: it left 0 registrations on the bus.`,
        );
        await waitPageCounts(page, {
          subscribers: baseline.subscribers - own.subscribers,
          watchers: baseline.watchers - own.watchers,
          providers: baseline.providers - own.providers,
          pending: 0,
        });

        // The world moves on while it is away: a new token, and a theme change from another remote.
        token += 1;
        await refreshToken(page, `token-${token}`);
        const other = REMOTES[(index + 1) % REMOTES.length] as Remote;
        if (other !== name) {
          await click(page, `${other}-next-theme`);
          theme = nextTheme(theme);
          await waitText(page, 'shell-theme', theme);
        }

        await click(page, `${name}-mount`);
        await waitText(page, `${name}-status`, 'mounted');
        // "At once": nothing is published or set after the mount, so the remote can only show these by
        // reading the current state (and the cached permissions) when it mounts.
        await waitText(page, `${name}-user`, USER);
        await waitText(page, `${name}-token`, `token-${token}`);
        await waitText(page, `${name}-theme`, theme);
        await waitText(page, `${name}-permissions`, PERMISSIONS);
        await waitPageCounts(page, baseline);
        await waitText(page, `${name}-own-counts`, formatOwn(own));
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('repeated unmount/remount cycles leak nothing', async () => {
    const { page, errors, close } = await openDemo(browser, `?order=${REMOTES.join(',')}`);
    try {
      await waitMounted(page, REMOTES);
      await logIn(page);
      await expectSignedIn(page, REMOTES, 'token-1', 0);
      await waitPageCounts(page, { ...(await pageCounts(page)), pending: 0 });
      const baseline = await pageCounts(page);
      for (let cycle = 0; cycle < 3; cycle += 1) {
        for (const name of REMOTES) {
          await click(page, `${name}-unmount`);
          await waitText(page, `${name}-status`, 'unmounted');
        }
        await waitPageCounts(page, SHELL_ONLY);
        for (const name of REMOTES) await waitText(page, `${name}-own-counts`, ZERO);
        for (const name of REMOTES) {
          await click(page, `${name}-mount`);
          await waitText(page, `${name}-status`, 'mounted');
          await waitText(page, `${name}-permissions`, PERMISSIONS);
        }
        await waitPageCounts(page, baseline);
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
