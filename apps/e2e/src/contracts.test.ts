import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { waitMounted } from './support/flow';
import { click, openDemo, textOf, waitText } from './support/page';

interface Received {
  topic: string;
  source: string | null;
  payload: unknown;
}

/** The page's globals this test uses: the page-wide bus, and what its stand-in listener received. */
type TestPage = { received: Received[] } & Record<
  symbol,
  {
    bus: {
      subscribe(
        pattern: string,
        handler: (payload: unknown, meta: { topic: string; source: string | null }) => void,
        options: { replay: boolean },
      ): void;
    };
  }
>;

describe('contracts: the shell checks every call in reject mode', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("refuses the React remote's bad payload in the remote: nobody receives it, the error names the app and the path", async () => {
    const { page, errors, close } = await openDemo(browser, '?order=react,vue');
    await waitMounted(page, ['react', 'vue']);
    // A listener standing in for every other app: what reaches `cart:*` from now on.
    await page.evaluate(() => {
      const page = globalThis as unknown as TestPage;
      page.received = [];
      page[Symbol.for('mfe-bus')]?.bus.subscribe(
        'cart:*',
        (payload, meta) => page.received.push({ topic: meta.topic, source: meta.source, payload }),
        { replay: false },
      );
    });
    const received = () => page.evaluate(() => (globalThis as unknown as TestPage).received);

    await click(page, 'react-send-bad-payload');
    await waitText(
      page,
      'react-contract-check',
      'ContractViolationError: event "cart:updated" (app "react"): item: Invalid type: Expected string but received 42',
    );
    expect(await received()).toEqual([]);
    expect(await textOf(page, 'cart-badge')).toBe('0');

    // A good payload from the same remote still goes through.
    await click(page, 'react-add-to-cart');
    await waitText(page, 'cart-badge', '1');
    expect(await received()).toEqual([
      { topic: 'cart:updated', source: 'react', payload: { remote: 'react', item: 'Espresso' } },
    ]);

    // No uncaught error: the only error is the bus's onError logging the refused publish.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^console\.error: .*ContractViolationError/s);
    await close();
  });
});
