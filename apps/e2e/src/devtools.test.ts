import { copyFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { devtoolsPanel, showView, timelineRows, viewTableRows } from './support/devtools-panel';
import { logIn, refreshToken, waitMounted } from './support/flow';
import { click, openDemo, waitText } from './support/page';
import { PERMISSIONS, REMOTES } from './support/remotes';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));
const docsScreenshot = fileURLToPath(new URL('../../../docs/devtools.png', import.meta.url));
const POLL = { timeout: 10_000 };

describe('the <mfe-bus-devtools> panel in the demo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    await mkdir(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows who did what: login, token refresh, a theme change from Vue, React unmounting, a late provider', async () => {
    const { page, errors, close } = await openDemo(browser, '?permissionsDelay=manual');
    try {
      await waitMounted(page, REMOTES);
      await logIn(page);
      for (const name of REMOTES) await waitText(page, `${name}-permissions`, 'loading…');
      await click(page, 'register-permissions');
      for (const name of REMOTES) await waitText(page, `${name}-permissions`, PERMISSIONS);
      await refreshToken(page, 'token-2');
      await click(page, 'vue-next-theme');
      await waitText(page, 'shell-theme', 'dark');
      await click(page, 'react-unmount');
      await waitText(page, 'react-status', 'unmounted');

      await expect
        .poll(() => timelineRows(page), POLL)
        .toEqual(
          expect.arrayContaining([
            { kind: 'state', app: 'shell', what: expect.stringMatching(/^user: null → \{"id":"u-42"/) },
            // The token is masked by the recorder's default redaction.
            { kind: 'state', app: 'shell', what: expect.stringMatching(/^auth: .*→ \{"token":"\[redacted\]"/) },
            {
              kind: 'publish',
              app: 'shell',
              // Every remote received it (other apps on the page may have too).
              what: expect.stringMatching(
                /^auth:token-refreshed → (?=.*\breact\b)(?=.*\bvue\b)(?=.*\bsvelte\b)(?=.*\bangular\b)/,
              ),
            },
            { kind: 'state', app: 'vue', what: 'theme: "light" → "dark"' },
            { kind: 'churn', app: 'react', what: expect.stringMatching(/(^|· )unsubscribe auth:token-refreshed/) },
            {
              kind: 'request',
              app: expect.stringMatching(/^(react|vue|svelte|angular)$/),
              what: expect.stringMatching(/^user:permissions \{"userId":"u-42"\}: settled [\d.]+ m?s, 4 requesters$/),
            },
          ]),
        );

      // The late-provider request: queued, joined by the other remotes, served once the provider registered.
      const request = devtoolsPanel(page).locator('.request', {
        hasText: 'user:permissions {"userId":"u-42"}: settled',
      });
      await request.locator('.entry').click();
      const steps = await request.locator('.waterfall li > span:first-child').allTextContents();
      expect(steps.map((step) => step.split(' ')[0])).toEqual([
        'queued',
        'joined',
        'joined',
        'joined',
        'provided',
        'started',
        'settled',
      ]);
      expect(steps[4]).toBe('provided shell');
      await expect.poll(() => request.locator('dd').nth(2).textContent()).toMatch(/^settled after [\d.]+ m?s$/);
      await devtoolsPanel(page).screenshot({ path: `${artifacts}devtools.png` });
      if (process.env.UPDATE_DOCS_SCREENSHOT === '1') await copyFile(`${artifacts}devtools.png`, docsScreenshot);

      await showView(page, 'Apps');
      // app, subscribers, watchers, providers, pending, live total
      const countsOf = async (app: string) => (await viewTableRows(page)).find(([name]) => name === app)?.slice(0, 6);
      await expect.poll(() => countsOf('react'), POLL).toEqual(['react', '0', '0', '0', '0', '0']);
      expect(Number((await countsOf('vue'))?.[5])).toBeGreaterThan(0);

      // The shell hands the panel its contracts' manifest: keys, kinds, owners, versions, violations.
      await showView(page, 'Contracts');
      await expect.poll(() => viewTableRows(page), POLL).toContainEqual(['user', 'state', 'shell', '1.0.0', '', '0']);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('renders under a strict Content-Security-Policy without a violation', async () => {
    const { page, errors, close } = await openDemo(browser, '?csp');
    try {
      await waitMounted(page, REMOTES);
      await logIn(page);
      await expect
        .poll(() => timelineRows(page), POLL)
        .toContainEqual({
          kind: 'state',
          app: 'shell',
          what: expect.stringMatching(/^user: null → /),
        });
      // The request waterfall places its bars through the CSSOM. The row is found by what it shows and clicked
      // where it is: rows move down as entries arrive, so a click at a position could open another one.
      await devtoolsPanel(page)
        .locator('.request .entry', { hasText: 'user:permissions' })
        .first()
        .dispatchEvent('click');
      await devtoolsPanel(page).locator('.waterfall').first().waitFor();
      // Styled by the adopted stylesheet: the panel's header is laid out as flex.
      const headerDisplay = await devtoolsPanel(page)
        .locator('header')
        .evaluate((header) => getComputedStyle(header).display);
      expect(headerDisplay).toBe('flex');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
