import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { click, openDemo, pageCounts, pageSnapshot, textOf, waitText } from './support/page';

describe('the shell on its own (?order=none)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('owns auth: log in, refresh the token, log out', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=none');
    await waitText(page, 'shell-user', 'signed out');
    await waitText(page, 'shell-token', 'none');
    await waitText(page, 'shell-theme', 'light');
    await waitText(page, 'cart-badge', '0');

    await click(page, 'login');
    await waitText(page, 'shell-user', 'Ada Lovelace');
    await waitText(page, 'shell-token', 'token-1');
    await click(page, 'refresh-token');
    await waitText(page, 'shell-token', 'token-2');
    await click(page, 'logout');
    await waitText(page, 'shell-user', 'signed out');
    await waitText(page, 'shell-token', 'none');
    for (const name of ['react', 'vue', 'svelte', 'angular']) await waitText(page, `${name}-status`, 'not loaded');
    expect(errors).toEqual([]);
    await close();
  });

  it('registers the permissions provider late, answers waiting requests, then serves from its TTL cache', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=none&permissionsDelay=manual');
    await waitText(page, 'permissions-provider', 'permissions provider: registers when you press Register');
    // A request made before the provider exists waits for it (visible as pending in inspect()).
    await page.evaluate(() => {
      const { bus } = (globalThis as unknown as Record<symbol, { bus: { request(k: string, p: unknown): unknown } }>)[
        Symbol.for('mfe-bus')
      ]!;
      (globalThis as unknown as { answer: unknown }).answer = bus.request('user:permissions', { userId: 'u-42' });
    });
    expect((await pageCounts(page)).pending).toBe(1);
    await expect
      .poll(() => pageSnapshot(page), { timeout: 10_000 })
      .toMatchObject({
        pending: [{ key: 'user:permissions', params: { userId: 'u-42' }, requesters: 1, waitingForProvider: true }],
      });
    await click(page, 'register-permissions');
    const answer = await page.evaluate(() => (globalThis as unknown as { answer: Promise<string[]> }).answer);
    expect(answer).toEqual(['cart:write', 'orders:read', 'profile:edit']);
    await waitText(page, 'permissions-provider', 'permissions provider: registered, 1 call, TTL 60 s');
    expect((await pageCounts(page)).pending).toBe(0);

    const again = await page.evaluate(() => {
      const { bus } = (globalThis as unknown as Record<symbol, { bus: { request(k: string, p: unknown): unknown } }>)[
        Symbol.for('mfe-bus')
      ]!;
      return bus.request('user:permissions', { userId: 'u-42' });
    });
    expect(again).toEqual(['cart:write', 'orders:read', 'profile:edit']);
    await expect
      .poll(() => pageSnapshot(page), { timeout: 10_000 })
      .toMatchObject({ cache: [{ key: 'user:permissions', params: { userId: 'u-42' } }] });
    expect(await textOf(page, 'permissions-provider')).toBe('permissions provider: registered, 1 call, TTL 60 s');
    expect(errors).toEqual([]);
    await close();
  });

  it('registers the permissions provider after the delay given in the URL', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=none&permissionsDelay=1500');
    await waitText(page, 'permissions-provider', 'permissions provider: registered, 0 calls, TTL 60 s');
    expect(await pageSnapshot(page)).toMatchObject({
      providers: [
        { key: 'auth:token', registered: 1, ttlMs: 0, app: 'shell' },
        { key: 'user:permissions', registered: 1, ttlMs: 60_000, app: 'shell' },
      ],
    });
    expect(errors).toEqual([]);
    await close();
  });

  it('counts cart:updated events in the badge; the bus holds them for replay', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=none');
    await waitText(page, 'cart-badge', '0');
    await page.evaluate(() => {
      type Publisher = { publish(t: string, p: unknown): void };
      const { bus } = (globalThis as unknown as Record<symbol, { bus: { scope(app: string): Publisher } }>)[
        Symbol.for('mfe-bus')
      ]!;
      // As the remotes do: the contracts let only the remotes publish cart:updated.
      bus.scope('react').publish('cart:updated', { remote: 'react', item: 'tea' });
      bus.scope('vue').publish('cart:updated', { remote: 'vue', item: 'cake' });
    });
    await waitText(page, 'cart-badge', '2');
    const snapshot = await pageSnapshot(page);
    expect(snapshot.topics).toContainEqual(
      expect.objectContaining({
        topic: 'cart:updated',
        subscribers: 1,
        buffered: [expect.anything(), expect.anything()],
      }),
    );
    expect(snapshot.providers).toContainEqual(expect.objectContaining({ key: 'user:permissions', ttlMs: 60_000 }));
    // The header's watcher and the one persisting the theme.
    expect(snapshot.state).toContainEqual(expect.objectContaining({ key: 'theme', value: 'light', watchers: 2 }));
    // The shell alone: the cart subscription and the live connection's auth:token-refreshed one, 6 state
    // watchers (header ×3, auth buttons, live status, persisted theme), the permissions and auth:token providers.
    expect(await pageCounts(page)).toEqual({ subscribers: 2, watchers: 6, providers: 2, pending: 0 });
    expect(errors).toEqual([]);
    await close();
  });

  it('says how to reach the bus from the console, and window.mfeBus is the page-wide bus', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=none');
    expect(await textOf(page, 'console-hint')).toContain("globalThis[Symbol.for('mfe-bus')].bus");
    const same = await page.evaluate(
      () =>
        (window as unknown as { mfeBus: unknown }).mfeBus ===
        (globalThis as unknown as Record<symbol, { bus: unknown }>)[Symbol.for('mfe-bus')]?.bus,
    );
    expect(same).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });

  it('names an unknown remote of ?order= and loads the others', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=reakt,vue');
    await waitText(page, 'vue-status', 'mounted');
    expect(await textOf(page, 'plan-notice')).toBe(
      '?order= names an unknown remote: "reakt". It knows react, vue, svelte, angular, frame; the others load as planned.',
    );
    expect(await textOf(page, 'react-status')).toBe('not loaded');
    expect(errors).toEqual([]);
    await close();
  });

  it('shows React as mounted only once its provider is registered', async () => {
    const { page, errors, close } = await openDemo(browser, '?order=none');
    // Read the providers in the microtask right after the status changes, before any later task could register one.
    const registeredAtMount = page.evaluate(
      () =>
        new Promise<boolean>((settle) => {
          const status = document.querySelector('[data-testid="react-status"]')!;
          new MutationObserver(() => {
            if (status.textContent !== 'mounted') return;
            const { providers } = (
              window as unknown as { mfeBus: { inspect(): { providers: { key: string }[] } } }
            ).mfeBus.inspect();
            settle(providers.some(({ key }) => key === 'remote:react:status'));
          }).observe(status, { childList: true, characterData: true, subtree: true });
        }),
    );
    await click(page, 'react-mount');
    expect(await registeredAtMount).toBe(true);
    expect(errors).toEqual([]);
    await close();
  });
});
