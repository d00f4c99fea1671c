import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

export interface DemoPage {
  page: Page;
  /** Uncaught exceptions, console errors, failed requests and Content-Security-Policy violations seen so far. */
  errors: string[];
  /** Lets the requests `hold` kept waiting go on (and every later one). */
  release(): void;
  close(): Promise<void>;
}

export interface DemoOptions {
  /** Requests to this URL pattern wait until `release()`: an order of events that no machine speed can change. */
  hold?: string;
}

/** Opens the demo with `query` (e.g. `?order=react,vue&delay=0,500`) in a fresh context. */
export async function openDemo(browser: Browser, query = '', { hold }: DemoOptions = {}): Promise<DemoPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let release = () => {};
  if (hold) {
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route(hold, async (route) => {
      await released;
      await route.continue();
    });
  }
  // A CSP violation is an error too (the demo must run under a strict policy, see `?csp`).
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(
        `CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    ),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    // The live connection (/live/sse) is closed on purpose when idle or on a token refresh: aborted, not failed.
    if (!new URL(request.url()).pathname.startsWith('/live/')) errors.push(`request failed: ${request.url()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(new URL(query, inject('demoUrl')).href);
  return { page, errors, release, close: () => context.close() };
}

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Waits until the element's trimmed text is exactly `expected`; the error shows what it was instead. */
export async function waitText(page: Page, testId: string, expected: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([selector, text]) => document.querySelector(selector)?.textContent?.trim() === text,
      [byTestId(testId), expected] as const,
      { timeout },
    );
  } catch {
    const actual = await page
      .locator(byTestId(testId))
      .first()
      .textContent({ timeout: 200 })
      .catch(() => null);
    throw new Error(
      `[data-testid="${testId}"]: expected "${expected}", found ${JSON.stringify(actual?.trim() ?? null)}`,
    );
  }
}

/** Current trimmed text (for reads that follow a wait, never right after a click). */
export async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.locator(byTestId(testId)).first().textContent()) ?? '').trim();
}

export async function click(page: Page, testId: string): Promise<void> {
  await page.locator(byTestId(testId)).click();
}

export interface Counts {
  subscribers: number;
  watchers: number;
  providers: number;
  pending: number;
}

/** `inspect()` of the page-wide bus, read from the registry every copy of the core shares. */
export function pageSnapshot(page: Page): Promise<{ counts: Counts; apps: AppCounts[]; [part: string]: unknown }> {
  return page.evaluate(() => {
    type Snapshot = { counts: Counts; apps: AppCounts[] };
    const record = (globalThis as unknown as Record<symbol, { bus: { inspect(): Snapshot } }>)[Symbol.for('mfe-bus')];
    if (!record) throw new Error('no page-wide bus');
    return record.bus.inspect();
  });
}

/** `inspect().counts` of the page-wide bus. */
export async function pageCounts(page: Page): Promise<Counts> {
  return (await pageSnapshot(page)).counts;
}

export interface AppCounts extends Counts {
  app: string | null;
}

/** `inspect().apps` of the page-wide bus: what each app holds (a remote's scope; `shell`: the shell's calls). */
export async function pageApps(page: Page): Promise<AppCounts[]> {
  return (await pageSnapshot(page)).apps;
}
