import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  clickIn,
  frameRemote,
  prototypeIsClean,
  type Registry,
  recordReports,
  reportsOf,
  type Target,
  waitTextIn,
} from './support/bridge';
import { launchBrowser } from './support/browser';
import { logIn, refreshToken } from './support/flow';
import { click, openDemo, pageSnapshot, textOf, waitText } from './support/page';
import { PERMISSIONS, USER } from './support/remotes';

const POLL = { timeout: 10_000 };

/** Opens the demo with the frame remote mounted and its bridge open; returns the frame's document too. */
async function openWithFrame(browser: Browser, query = '') {
  const demo = await openDemo(browser, `?order=frame${query}`);
  await waitText(demo.page, 'frame-status', 'bridge open');
  const frame = await frameRemote(demo.page);
  await waitTextIn(frame, 'frame-bridge', 'open');
  return { ...demo, frame };
}

describe('the frame remote: another origin, its own bus, bridged', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('carries state and events both ways as shared, and nothing else', async () => {
    const { page, frame, errors, close } = await openWithFrame(browser);
    try {
      expect(new URL(frame.url()).origin).not.toBe(new URL(page.url()).origin);
      await waitTextIn(frame, 'frame-user', 'signed out');
      await logIn(page);
      await waitTextIn(frame, 'frame-user', USER);
      await clickIn(frame, 'frame-next-theme');
      await waitText(page, 'shell-theme', 'dark');
      await waitTextIn(frame, 'frame-theme', 'dark');
      await refreshToken(page, 'token-2');
      await waitTextIn(frame, 'frame-refreshes', '1');

      // The frame's cart event reaches the shell as the app `frame`, carried by the bridge `frame:frame`.
      await page.evaluate(() => {
        const global = globalThis as unknown as Record<symbol, Registry> & { carts: unknown[] };
        global.carts = [];
        global[Symbol.for('mfe-bus')]?.bus.subscribe('cart:updated', (payload, { source, via }) =>
          global.carts.push({ payload, source, via }),
        );
      });
      await clickIn(frame, 'frame-add-to-cart');
      await waitText(page, 'cart-badge', '1');
      expect(await page.evaluate(() => (globalThis as unknown as { carts: unknown[] }).carts)).toEqual([
        { payload: { remote: 'frame', item: 'Tea' }, source: 'frame', via: 'frame:frame' },
      ]);

      // What is not listed stays where it is: a topic and a key of the frame's own, the shell's auth state.
      await frame.evaluate(() => {
        const { bus } = (globalThis as unknown as Record<symbol, Registry>)[Symbol.for('mfe-bus')] as Registry;
        const app = bus.scope('frame');
        app.publish('frame:local', { secret: true });
        app.setState('frame-local', 1);
        app.publish('cart:updated', { remote: 'frame', item: 'Sentinel' });
      });
      await waitText(page, 'cart-badge', '2');
      const shell = await pageSnapshot(page);
      expect(JSON.stringify(shell)).not.toContain('frame-local');
      expect(JSON.stringify(shell)).not.toContain('frame:local');
      const frameAuth = await frame.evaluate(() =>
        (globalThis as unknown as Record<symbol, Registry>)[Symbol.for('mfe-bus')]?.bus.getState('auth'),
      );
      expect(frameAuth).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("serves the frame's request with the shell's provider, and a cancelled one leaves nothing waiting", async () => {
    const { page, frame, errors, close } = await openWithFrame(browser, '&permissionsDelay=manual');
    try {
      await logIn(page);
      await waitTextIn(frame, 'frame-user', USER);
      await clickIn(frame, 'frame-ask-permissions');
      await waitTextIn(frame, 'frame-permissions', 'loading…');
      // It waits on the shell's bus, as the frame's request, for the provider that is not there yet.
      await expect
        .poll(() => pageSnapshot(page), POLL)
        .toMatchObject({
          pending: [{ key: 'user:permissions', requesters: 1, waitingForProvider: true, apps: ['frame'] }],
        });
      await clickIn(frame, 'frame-cancel-permissions');
      await waitTextIn(frame, 'frame-permissions', 'cancelled');
      await expect.poll(async () => (await pageSnapshot(page)).pending, POLL).toEqual([]);
      const framePending = await frame.evaluate(
        () => (globalThis as unknown as Record<symbol, Registry>)[Symbol.for('mfe-bus')]?.bus.inspect().pending,
      );
      expect(framePending).toEqual([]);

      await click(page, 'register-permissions');
      await clickIn(frame, 'frame-ask-permissions');
      await waitTextIn(frame, 'frame-permissions', PERMISSIONS);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a reloaded frame connects again and shows the current state from its first render', async () => {
    const { page, frame, errors, close } = await openWithFrame(browser);
    try {
      await logIn(page);
      await clickIn(frame, 'frame-next-theme');
      await waitText(page, 'shell-theme', 'dark');
      // Every text the frame's user field shows, from the reloaded document's first render on.
      // Watched from the document's creation, not from DOMContentLoaded: the field may be rendered before or
      // after that event, and either way its first text must be recorded.
      await page.context().addInitScript(() => {
        const seen: unknown[] = [];
        (globalThis as unknown as { userTexts: unknown[] }).userTexts = seen;
        const note = () => {
          const text = document.querySelector('[data-testid="frame-user"]')?.textContent;
          if (text && text !== seen[seen.length - 1]) seen.push(text);
        };
        new MutationObserver(note).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await frame.evaluate(() => window.location.reload());
      await waitTextIn(frame, 'frame-user', USER);
      await waitTextIn(frame, 'frame-theme', 'dark');
      // The loading mark at most, then the user: never a signed-out or stale value on the way. Polled: the
      // frame's document may still be replaced once while the bridge re-handshakes.
      const userTexts = () =>
        frame.evaluate(() => (globalThis as unknown as { userTexts: unknown[] }).userTexts).catch(() => undefined);
      await expect
        .poll(userTexts, { timeout: 10_000 })
        .toSatisfy(
          (texts) => Array.isArray(texts) && texts.at(-1) === USER && texts.every((t) => t === '…' || t === USER),
        );
      await waitText(page, 'frame-status', 'bridge open');
      // And it works both ways again.
      await clickIn(frame, 'frame-next-theme');
      await waitText(page, 'shell-theme', 'contrast');
      await click(page, 'logout');
      await waitTextIn(frame, 'frame-user', 'signed out');
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('hostile frames: look-alike origins, a null origin, same-origin strangers; nothing delivered, each reported', async () => {
    const { page, frame, errors, close } = await openWithFrame(browser);
    try {
      const shellOrigin = new URL(page.url()).origin;
      const frameOrigin = new URL(frame.url()).origin;
      const framePort = new URL(frameOrigin).port;
      // Real pages, each posting forged envelopes to the shell and to the frame remote, then saying it is done.
      await page
        .context()
        .route('**/hostile.html', (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE_PAGE }));
      const hostile = [
        { src: `http://127.0.0.1:${framePort}/hostile.html` }, // the frame's port, another host name
        { src: `http://localhost.evil.test:${framePort}/hostile.html` }, // a look-alike host
        { src: `http://localhost.evil.test:${framePort}/hostile.html`, sandbox: 'allow-scripts' }, // origin null
        { src: `${frameOrigin}/hostile.html` }, // the frame's own origin, another window
        { src: `${shellOrigin}/hostile.html` }, // the shell's own origin, another window
      ];
      for (const target of [page, frame]) {
        await recordReports(target);
        await target.evaluate(() => {
          const done: string[] = [];
          (globalThis as unknown as { hostileDone: string[] }).hostileDone = done;
          window.addEventListener('message', ({ data }) => {
            if (typeof data?.hostileDone === 'string') done.push(data.hostileDone);
          });
        });
      }
      await page.evaluate((frames) => {
        for (const { src, sandbox } of frames) {
          const iframe = document.createElement('iframe');
          if (sandbox) iframe.setAttribute('sandbox', sandbox);
          iframe.src = src;
          document.body.append(iframe);
        }
      }, hostile);
      // Messages from one window arrive in order: once each stranger's "done" is in, its forgeries were read.
      const doneIn = (target: Target) =>
        target.evaluate(() => (globalThis as unknown as { hostileDone: string[] }).hostileDone.length);
      await expect.poll(() => doneIn(page), POLL).toBe(hostile.length);
      await expect.poll(() => doneIn(frame), POLL).toBe(hostile.length);

      // One report per stranger (its first forgery), in whatever order the strangers loaded.
      const dropped = async (target: Target) =>
        (await reportsOf(target))
          .map(({ report, error, detail }) => [report, error.code, detail.reason, detail.origin])
          .sort((a, b) => String(a[3]).localeCompare(String(b[3])));
      const sorted = (rows: string[][]) => rows.sort((a, b) => String(a[3]).localeCompare(String(b[3])));
      expect(await dropped(page)).toEqual(
        sorted([
          ['dropped', 'DROPPED', 'origin', `http://127.0.0.1:${framePort}`],
          ['dropped', 'DROPPED', 'origin', `http://localhost.evil.test:${framePort}`],
          ['dropped', 'DROPPED', 'origin', 'null'],
          ['dropped', 'DROPPED', 'source', frameOrigin],
          ['dropped', 'DROPPED', 'origin', shellOrigin],
        ]),
      );
      expect(await dropped(frame)).toEqual(
        sorted([
          ['dropped', 'DROPPED', 'origin', `http://127.0.0.1:${framePort}`],
          ['dropped', 'DROPPED', 'origin', `http://localhost.evil.test:${framePort}`],
          ['dropped', 'DROPPED', 'origin', 'null'],
          ['dropped', 'DROPPED', 'origin', frameOrigin],
          ['dropped', 'DROPPED', 'source', shellOrigin],
        ]),
      );
      // Nothing was delivered: no forged cart event, no forged user; the prototypes are untouched.
      expect(await textOf(page, 'cart-badge')).toBe('0');
      expect(await textOf(page, 'shell-user')).toBe('signed out');
      await waitTextIn(frame, 'frame-user', 'signed out');
      expect(await prototypeIsClean(page)).toBe(true);
      expect(await prototypeIsClean(frame)).toBe(true);
      // The real bridge is still open, and still the only one.
      await clickIn(frame, 'frame-add-to-cart');
      await waitText(page, 'cart-badge', '1');
      await logIn(page);
      await waitTextIn(frame, 'frame-user', USER);
      // What was reported went to the buses' onError (the console, in the demo), and nothing else went wrong.
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((error) => !error.startsWith('console.error: [mfe-bus]'))).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** Posts forged envelopes to its parent and to every frame of the page, then `{ hostileDone }`. */
const HOSTILE_PAGE = `<!doctype html><title>hostile</title><script>
const forged = [
  ['mfe-bus:bridge', 1, 'hello', 'forged'],
  ['mfe-bus:bridge', 2, 'hello', 'another-version'],
  ['mfe-bus:bridge', 1, 'ping', 'forged'],
  JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  ['mfe-bus:bridge', 1, 'connect', JSON.parse('{"__proto__": {"polluted": true}}')],
  [1, 1, 'forged', 'event', 'cart:updated', JSON.parse('{"remote": "frame", "item": "forged", "__proto__": {"polluted": true}}'), 'frame'],
  [1, 2, 'forged', 'state', ['user', { id: 'mallory', name: 'Mallory' }, 999, 'forged', 'shell']],
];
const windows = [parent, ...Array.from({ length: parent.frames.length }, (_, i) => parent.frames[i])].filter((w) => w !== window);
for (const target of windows) {
  for (const message of forged) target.postMessage(message, '*');
  const { port2 } = new MessageChannel();
  target.postMessage(['mfe-bus:bridge', 1, 'connect', 'forged'], '*', [port2]);
  target.postMessage({ hostileDone: String(location.origin) }, '*');
}
</script>`;

describe('tabs: one bus across the tabs of the demo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A browser context whose pages count what they post on the demo's tab channel, and collect errors. */
  async function tabsContext(): Promise<{
    context: BrowserContext;
    errors: string[];
    open(query: string): Promise<Page>;
  }> {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const posts: unknown[] = [];
      (globalThis as unknown as { tabPosts: unknown[] }).tabPosts = posts;
      const post = BroadcastChannel.prototype.postMessage;
      BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
        if (this.name === 'mfe-bus:mfe-bus-demo') posts.push(message);
        post.call(this, message);
      };
    });
    const errors: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
    };
    context.on('page', watch);
    return {
      context,
      errors,
      async open(query) {
        const page = await context.newPage();
        await page.goto(new URL(query, inject('demoUrl')).href);
        // The shell has set itself up (the link comes with the tab bridge).
        await page.locator('[data-testid="open-tab"]').waitFor();
        return page;
      },
    };
  }

  /** Kinds of the messages a tab posted on the channel: `snapshot`, `state`, `event`, `bye`. */
  const posted = async (page: Page) =>
    (await page.evaluate(() => (globalThis as unknown as { tabPosts: unknown[][] }).tabPosts)).map(
      (message) => message[3],
    );

  it('"Open in new tab": the new tab starts signed in, and signing out in it signs out the first', async () => {
    const { context, errors, open } = await tabsContext();
    try {
      const first = await open('?order=none');
      await logIn(first);
      const [second] = await Promise.all([context.waitForEvent('page'), click(first, 'open-tab')]);
      await second.waitForLoadState();
      await waitText(second, 'shell-user', USER);
      await waitText(second, 'shell-token', 'token-1');
      await click(second, 'logout');
      await waitText(first, 'shell-user', 'signed out');
      await waitText(first, 'shell-token', 'none');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('state converges, a tab opened later gets the snapshot, and nothing echoes (messages counted)', async () => {
    const { context, errors, open } = await tabsContext();
    try {
      const a = await open('?order=none&tabs');
      const b = await open('?order=none&tabs');
      // b's snapshot went out and a answered it.
      await expect.poll(() => posted(a), POLL).toEqual(['snapshot', 'snapshot']);
      await logIn(a);
      await waitText(b, 'shell-user', USER);
      await waitText(b, 'shell-token', 'token-1');
      await click(b, 'logout');
      await waitText(a, 'shell-user', 'signed out');
      await click(a, 'login');
      await waitText(a, 'shell-token', 'token-2');
      await waitText(b, 'shell-token', 'token-2');
      await refreshToken(a, 'token-3');
      await waitText(b, 'shell-token', 'token-3');
      const c = await open('?order=none&tabs');
      await waitText(c, 'shell-user', USER);
      await waitText(c, 'shell-token', 'token-3');
      await expect.poll(() => posted(b), POLL).toEqual(['snapshot', 'state', 'state', 'snapshot']);

      // Each tab posted its snapshot, its answers to later tabs' snapshots and its own writes and events,
      // nothing it received: a's log-ins (user, auth), its refresh (auth, and the auth:token-refreshed event).
      expect(await posted(a)).toEqual([
        'snapshot',
        'snapshot',
        'state',
        'state',
        'state',
        'state',
        'state',
        'event',
        'snapshot',
      ]);
      expect(await posted(c)).toEqual(['snapshot']);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('one tab leads (a Web Lock); when it closes, the next one takes over', async () => {
    const { context, errors, open } = await tabsContext();
    try {
      const first = await open('?order=none&tabs');
      await waitText(first, 'tab-leader', 'tab: leading');
      const second = await open('?order=none&tabs');
      await waitText(second, 'tab-leader', 'tab: waiting to lead');
      const third = await open('?order=none&tabs');
      await first.close();
      await waitText(second, 'tab-leader', 'tab: leading');
      expect(await textOf(third, 'tab-leader')).toBe('tab: waiting to lead');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
