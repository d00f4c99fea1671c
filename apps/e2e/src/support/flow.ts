import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { click, pageCounts, textOf, waitText } from './page';
import { nextTheme, PERMISSIONS, type Remote, USER } from './remotes';

/** Waits until every remote in `remotes` is mounted, then checks the shell mounted them in that order. */
export async function waitMounted(page: Page, remotes: readonly Remote[], timeout = 15_000): Promise<void> {
  for (const name of remotes) await waitText(page, `${name}-status`, 'mounted', timeout);
  const log = await textOf(page, 'mount-log');
  expect(log.split(' → ').map((entry) => entry.split(' ')[0])).toEqual([...remotes]);
}

export async function logIn(page: Page): Promise<void> {
  await click(page, 'login');
  await waitText(page, 'shell-user', USER);
  await waitText(page, 'shell-token', 'token-1');
}

export async function refreshToken(page: Page, expected: string): Promise<void> {
  await click(page, 'refresh-token');
  await waitText(page, 'shell-token', expected);
}

/** Every remote shows the signed-out state. */
export async function expectSignedOut(page: Page, remotes: readonly Remote[]): Promise<void> {
  for (const name of remotes) {
    await waitText(page, `${name}-user`, 'signed out');
    await waitText(page, `${name}-token`, 'none');
    await waitText(page, `${name}-permissions`, 'signed out');
  }
}

/** Every remote shows the same user, the given token, the refresh events it saw and the permissions. */
export async function expectSignedIn(
  page: Page,
  remotes: readonly Remote[],
  token: string,
  refreshes: number,
  timeout = 10_000,
): Promise<void> {
  for (const name of remotes) {
    await waitText(page, `${name}-user`, USER, timeout);
    await waitText(page, `${name}-token`, token, timeout);
    await waitText(page, `${name}-refreshes`, String(refreshes), timeout);
    await waitText(page, `${name}-permissions`, PERMISSIONS, timeout);
  }
  // Identical concurrent requests share one provider call, later ones hit the TTL cache.
  await waitText(page, 'permissions-provider', 'permissions provider: registered, 1 call, TTL 60 s');
}

/** Remote number i adds i + 1 items; the header badge counts every `cart:updated` event. */
export async function fillCart(page: Page, remotes: readonly Remote[]): Promise<number> {
  const before = Number(await textOf(page, 'cart-badge'));
  let total = before;
  for (const [index, name] of remotes.entries()) {
    for (let n = 0; n <= index; n += 1) await click(page, `${name}-add-to-cart`);
    await waitText(page, `${name}-cart-adds`, String(index + 1));
    total += index + 1;
  }
  await waitText(page, 'cart-badge', String(total));
  return total;
}

/** Each remote in turn moves the theme on; the shell and every other remote follow. */
export async function cycleThemes(page: Page, remotes: readonly Remote[], startAt = 0): Promise<string> {
  let theme = await textOf(page, 'shell-theme');
  for (let step = 0; step < remotes.length; step += 1) {
    const from = remotes[(startAt + step) % remotes.length] as Remote;
    await waitText(page, `${from}-theme`, theme);
    await click(page, `${from}-next-theme`);
    theme = nextTheme(theme);
    await waitText(page, 'shell-theme', theme);
    for (const name of remotes) await waitText(page, `${name}-theme`, theme);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
  }
  return theme;
}

/** Nothing waits: no pending request is left once everything answered. */
export async function expectNoPending(page: Page): Promise<void> {
  expect((await pageCounts(page)).pending).toBe(0);
}
