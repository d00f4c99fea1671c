import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser } from './support/browser';
import {
  cycleThemes,
  expectNoPending,
  expectSignedIn,
  expectSignedOut,
  fillCart,
  logIn,
  refreshToken,
  waitMounted,
} from './support/flow';
import { click, openDemo, pageCounts, pageSnapshot, textOf, waitText } from './support/page';
import { REMOTES, type Remote } from './support/remotes';

type Name = 'react' | 'vue' | 'svelte' | 'angular';

interface Scenario {
  name: string;
  /** Load order and the wait before each one (see the shell's ?order= and ?delay=); `manual`: the mount buttons. */
  plan: { order: Name[]; delay: number[] } | { manual: Name[] };
  /** Milliseconds, or `'manual'`: the test presses the shell's Register button once every remote waits. */
  permissionsDelay?: number | 'manual';
  /** `before any remote`: the remotes' bundles are held back (see `openDemo`'s `hold`) until the login is done. */
  login: 'before any remote' | 'after the first remote' | 'after every remote';
  /** Which remote changes the theme first. */
  themeFrom: number;
  screenshot?: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'default order, all at once, login after every remote',
    plan: { order: ['react', 'vue', 'svelte', 'angular'], delay: [0] },
    login: 'after every remote',
    themeFrom: 0,
    screenshot: true,
  },
  {
    name: 'every remote before login, staggered, provider late (the README example)',
    plan: { order: ['angular', 'svelte', 'react', 'vue'], delay: [0, 400, 50, 1200] },
    permissionsDelay: 800,
    login: 'after every remote',
    themeFrom: 1,
  },
  {
    name: 'login and token refresh before any remote loads (state and replayed events reach late remotes)',
    plan: { order: ['vue', 'react', 'angular', 'svelte'], delay: [0, 100, 100, 100] },
    login: 'before any remote',
    themeFrom: 2,
  },
  {
    name: 'permissions provider registered last, after every remote asked',
    plan: { order: ['svelte', 'angular', 'vue', 'react'], delay: [0] },
    permissionsDelay: 'manual',
    login: 'after every remote',
    themeFrom: 3,
  },
  {
    name: 'login while remotes are still loading, reverse order with gaps',
    plan: { order: ['angular', 'svelte', 'vue', 'react'], delay: [0, 600, 600, 600] },
    login: 'after the first remote',
    themeFrom: 0,
  },
  {
    name: 'one remote much later than the others',
    plan: { order: ['svelte', 'vue', 'react', 'angular'], delay: [0, 0, 0, 2500] },
    login: 'after the first remote',
    themeFrom: 1,
  },
  {
    name: 'login first, remotes and permissions provider all late',
    plan: { order: ['react', 'svelte', 'vue', 'angular'], delay: [0, 0, 400, 0] },
    permissionsDelay: 3500,
    login: 'before any remote',
    themeFrom: 2,
  },
  {
    name: 'remotes mounted by hand from the shell after login',
    plan: { manual: ['svelte', 'react', 'angular', 'vue'] },
    login: 'before any remote',
    themeFrom: 3,
  },
  {
    name: 'alternating fast and slow remotes, provider registered between them',
    plan: { order: ['vue', 'angular', 'react', 'svelte'], delay: [0, 900, 0, 900] },
    permissionsDelay: 1200,
    login: 'after the first remote',
    themeFrom: 1,
  },
];

/** The remotes' bundles (the shell's `remotes/<name>/remote.js`). */
const REMOTE_BUNDLES = '**/remotes/*/remote.js';
const built = (name: Name): name is Remote => (REMOTES as readonly string[]).includes(name);
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const docsScreenshot = fileURLToPath(new URL('../../../docs/demo.png', import.meta.url));

function queryOf(scenario: Scenario): { query: string; remotes: Remote[] } {
  const params = new URLSearchParams();
  let remotes: Remote[];
  if ('manual' in scenario.plan) {
    remotes = scenario.plan.manual.filter(built);
    params.set('order', 'none');
  } else {
    const { order, delay } = scenario.plan;
    const delays = order.map((_, index) => delay[Math.min(index, delay.length - 1)] ?? 0);
    // Delays are sequential: a remote left out (not built) passes its wait on to the next one.
    const kept: [Remote, number][] = [];
    let carried = 0;
    for (const [index, name] of order.entries()) {
      carried += delays[index] ?? 0;
      if (!built(name)) continue;
      kept.push([name, carried]);
      carried = 0;
    }
    remotes = kept.map(([name]) => name);
    params.set('order', remotes.join(','));
    params.set('delay', kept.map(([, ms]) => ms).join(','));
  }
  if (scenario.permissionsDelay) params.set('permissionsDelay', String(scenario.permissionsDelay));
  return { query: `?${params.toString().replaceAll('%2C', ',')}`, remotes };
}

async function mountByHand(page: Page, remotes: readonly Remote[]): Promise<void> {
  for (const name of remotes) {
    await click(page, `${name}-mount`);
    await waitText(page, `${name}-status`, 'mounted');
  }
}

describe('load orders and delays', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await mkdir(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Each scenario in its own browser context, a few at a time: what they assert is an order of events, never a
  // duration, so running side by side changes no outcome (maxConcurrency in vitest.config.ts).
  it.concurrent.for(SCENARIOS)('$name', async (scenario, { expect }) => {
    const { query, remotes } = queryOf(scenario);
    const before = scenario.login === 'before any remote';
    const { page, errors, release, close } = await openDemo(browser, query, before ? { hold: REMOTE_BUNDLES } : {});
    try {
      if (before) {
        await waitText(page, 'shell-user', 'signed out');
        for (const name of remotes) expect(await textOf(page, `${name}-status`)).toMatch(/^(not loaded|loading)$/);
        await logIn(page);
        await refreshToken(page, 'token-2');
        release();
        if ('manual' in scenario.plan) await mountByHand(page, remotes);
        await waitMounted(page, remotes);
      } else if (scenario.login === 'after the first remote') {
        await waitText(page, `${remotes[0]}-status`, 'mounted');
        await logIn(page);
        await refreshToken(page, 'token-2');
        await waitMounted(page, remotes);
      } else {
        await waitMounted(page, remotes);
        await expectSignedOut(page, remotes);
        await logIn(page);
        if (scenario.permissionsDelay === 'manual') {
          // Every remote asked; the one shared call waits in the bus until the provider registers.
          for (const name of remotes) await waitText(page, `${name}-permissions`, 'loading…');
          await expect
            .poll(() => pageSnapshot(page), { timeout: 10_000 })
            .toMatchObject({
              pending: [{ key: 'user:permissions', requesters: remotes.length, waitingForProvider: true }],
            });
          expect((await pageCounts(page)).pending).toBe(remotes.length);
          await click(page, 'register-permissions');
        }
        await refreshToken(page, 'token-2');
      }

      await expectSignedIn(page, remotes, 'token-2', 1);
      await fillCart(page, remotes);
      if (scenario.screenshot) {
        const file = `${artifacts}demo.png`;
        await page.screenshot({ path: file, fullPage: true });
        if (process.env.UPDATE_DOCS_SCREENSHOT === '1') {
          await mkdir(dirname(docsScreenshot), { recursive: true });
          await copyFile(file, docsScreenshot);
        }
      }
      await cycleThemes(page, remotes, scenario.themeFrom);
      await expectNoPending(page);
      expect(errors).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: `${artifacts}failed-${scenario.name.replace(/\W+/g, '-')}.png`, fullPage: true });
      throw error;
    } finally {
      await close();
    }
  });
});
