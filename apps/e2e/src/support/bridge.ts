import type { Frame, Page } from 'playwright-core';

/** A document whose page-wide bus the tests read: the shell's page or the frame remote's. */
export type Target = Page | Frame;

/** The frame remote's document (another origin: Playwright reaches into it all the same). */
export async function frameRemote(page: Page): Promise<Frame> {
  const frame = await (await page.locator('[data-testid="frame-iframe"]').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the frame remote is not mounted');
  return frame;
}

/** Waits until the element's trimmed text is exactly `expected` in `target`; the error shows what it was. */
export async function waitTextIn(target: Target, testId: string, expected: string, timeout = 10_000): Promise<void> {
  const selector = `[data-testid="${testId}"]`;
  try {
    await target.waitForFunction(
      ([css, text]) => document.querySelector(css)?.textContent?.trim() === text,
      [selector, expected] as const,
      { timeout },
    );
  } catch {
    const actual = await target
      .locator(selector)
      .first()
      .textContent({ timeout: 200 })
      .catch(() => null);
    throw new Error(`${selector}: expected "${expected}", found ${JSON.stringify(actual?.trim() ?? null)}`);
  }
}

export async function clickIn(target: Target, testId: string): Promise<void> {
  await target.locator(`[data-testid="${testId}"]`).click();
}

export interface Report {
  report: string;
  name?: string;
  error: { name: string; code?: string };
  detail: { bridge: string; reason: string; origin?: string };
}

/** The page-wide bus, as the tests use it inside a document (the registry every copy of the core shares). */
export interface Registry {
  bus: {
    observe(listener: (record: { type: string }) => void): void;
    subscribe(topic: string, handler: (payload: unknown, meta: { source: unknown; via: unknown }) => void): void;
    inspect(): { pending: unknown[]; state: { key: string; value: unknown }[]; topics: { topic: string }[] };
    scope(app: string): {
      publish(topic: string, payload: unknown): void;
      setState(key: string, value: unknown): void;
    };
    getState(key: string): unknown;
  };
}

/** Keeps every `report` record of the document's bus (in `globalThis.reports`), from now on. */
export async function recordReports(target: Target): Promise<void> {
  await target.evaluate(() => {
    const reports: unknown[] = [];
    const global = globalThis as unknown as Record<symbol, Registry> & { reports: unknown[] };
    global.reports = reports;
    global[Symbol.for('mfe-bus')]?.bus.observe((record) => {
      if (record.type === 'report') reports.push(record);
    });
  });
}

export const reportsOf = (target: Target): Promise<Report[]> =>
  target.evaluate(() => (globalThis as unknown as { reports: Report[] }).reports);

/** Object.prototype of the document has exactly the properties of a fresh one (an about:blank frame's), unchanged. */
export const prototypeIsClean = (target: Target): Promise<boolean> =>
  target.evaluate(() => {
    const fresh = document.createElement('iframe');
    document.body.append(fresh);
    const pristine = (fresh.contentWindow as unknown as { Object: ObjectConstructor }).Object.prototype;
    const names = (prototype: object) => Object.getOwnPropertyNames(prototype).sort().join();
    const clean =
      names(Object.prototype) === names(pristine) &&
      ({} as Record<string, unknown>).polluted === undefined &&
      Object.prototype.constructor === Object;
    fresh.remove();
    return clean;
  });
