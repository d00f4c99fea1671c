import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';

export interface DemoPage {
  page: Page;
  /** Uncaught exceptions, console errors and failed requests seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens the demo with `query` (e.g. `?order=react,vue&delay=0,500`) in a fresh context. */
export async function openDemo(browser: Browser, query = ''): Promise<DemoPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(new URL(query, inject('demoUrl')).href);
  return { page, errors, close: () => context.close() };
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

/** Waits until the shell's inspect() panel (re-rendered a few times a second) contains `text`. */
export async function waitPanelContains(page: Page, text: string, timeout = 10_000): Promise<void> {
  try {
    await page.waitForFunction(
      ([selector, expected]) => document.querySelector(selector)?.textContent?.includes(expected) === true,
      [byTestId('debug-panel'), text] as const,
      { timeout },
    );
  } catch {
    throw new Error(`debug panel never showed "${text}"; it shows:\n${await textOf(page, 'debug-panel')}`);
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

/** `inspect().counts` of the page-wide bus, read from the registry every copy of the core shares. */
export function pageCounts(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const record = (globalThis as unknown as Record<symbol, { bus: { inspect(): { counts: Counts } } }>)[
      Symbol.for('mfe-bus')
    ];
    if (!record) throw new Error('no page-wide bus');
    return record.bus.inspect().counts;
  });
}

export interface AppCounts extends Counts {
  app: string | null;
}

/** `inspect().apps` of the page-wide bus: what each app holds (a remote's scope; `null`: the shell's calls). */
export function pageApps(page: Page): Promise<AppCounts[]> {
  return page.evaluate(() => {
    const record = (globalThis as unknown as Record<symbol, { bus: { inspect(): { apps: AppCounts[] } } }>)[
      Symbol.for('mfe-bus')
    ];
    if (!record) throw new Error('no page-wide bus');
    return record.bus.inspect().apps;
  });
}
