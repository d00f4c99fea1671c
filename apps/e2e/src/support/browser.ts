import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@mfe-bus/test-utils/chromium';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';
import { inject } from 'vitest';

const BASE: LaunchOptions = { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] };

// Chromium's headless mode preloads the omnibox popup (two WebUI renderers) for every window, that is for every
// browser context: a third of the CPU the browser tests used on 2 cores, for a popup no test opens.
const NOT_NEEDED = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The `--disable-features` switch to launch with: Playwright's own list plus NOT_NEEDED. Chromium honours only the
 * last `--disable-features`, so a second one would silently drop Playwright's; its list is read off a browser
 * launched once (global setup) rather than copied here.
 */
export async function disabledFeaturesSwitch(): Promise<string> {
  const browser = await chromium.launch({ ...BASE, args: [...(BASE.args ?? []), '--enable-automation'] });
  try {
    const session = await browser.newBrowserCDPSession();
    const { arguments: args } = await session.send('Browser.getBrowserCommandLine');
    const switches = args.filter((arg) => arg.startsWith('--disable-features='));
    const own = switches.at(-1)?.slice('--disable-features='.length).split(',') ?? [];
    return `--disable-features=${[...own, ...NOT_NEEDED].join(',')}`;
  } finally {
    await browser.close();
  }
}

/** Debian's Chromium (installed by .ci/run), driven by playwright-core: no browser download needed. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ ...BASE, args: [...(BASE.args ?? []), inject('disabledFeatures')] });
}
