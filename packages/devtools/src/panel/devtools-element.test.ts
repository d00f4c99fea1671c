// @vitest-environment happy-dom
import { type Bus, createBus } from '@mfe-bus/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { record } from '../recorder/record';
import { type MfeBusDevtools, MfeBusDevtools as MfeBusDevtoolsClass } from './devtools-element';
import './index';

let bus: Bus;
let panel: MfeBusDevtools;

/** The panel renders in an animation frame; frames run in order, so ours comes after its. */
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function mount(setup: (element: MfeBusDevtools) => void = () => {}): Promise<MfeBusDevtools> {
  const element = document.createElement('mfe-bus-devtools');
  element.bus = bus;
  element.open = true;
  setup(element);
  document.body.append(element);
  await frame();
  return element;
}

const root = () => panel.shadowRoot!;
const all = (selector: string) => [...root().querySelectorAll<HTMLElement>(selector)];
const one = (selector: string) => root().querySelector<HTMLElement>(selector)!;
const text = (selector: string) => all(selector).map((element) => element.textContent?.trim());
const button = (label: string) => all('button').find((element) => element.textContent?.trim() === label)!;
const tab = (name: string) => one(`#tab-${name.toLowerCase()}`);
const rows = () =>
  all('[role=tabpanel] tbody tr').map((row) =>
    [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent?.trim()),
  );
async function showTab(name: string) {
  tab(name).click();
  await frame();
}
async function type(selector: string, value: string) {
  const input = one(selector) as HTMLInputElement | HTMLSelectElement;
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
  await frame();
}

beforeEach(() => {
  bus = createBus({ onError: () => {} });
});
afterEach(() => {
  panel?.remove();
  bus.destroy();
});

describe('<mfe-bus-devtools>', () => {
  it('renders in a shadow root styled by an adopted stylesheet, with no <style> element (CSP-safe)', async () => {
    panel = await mount();
    bus.scope('shell').provide('slow', () => new Promise(() => {}));
    void bus.request('slow').catch(() => {});
    await frame();
    one('.entry').click();
    await frame();
    expect(root().adoptedStyleSheets).toHaveLength(1);
    expect(root().querySelector('style')).toBeNull();
    // The waterfall's bars are placed through the CSSOM (allowed under style-src 'self'; the browser e2e test
    // checks that no CSP violation is reported), which the DOM mirrors as a style attribute.
    expect(one('.waterfall i').style.getPropertyValue('--to')).toMatch(/^\d/);
  });

  it('lists the timeline newest first with each entry’s app', async () => {
    panel = await mount();
    bus.scope('shell').setState('user', { name: 'Ada' });
    bus.scope('shell').publish('auth:token-refreshed', 'token-2');
    bus.scope('vue').setState('theme', 'dark');
    await frame();
    expect(text('.entry .app')).toEqual(['vue', 'shell', 'shell']);
    expect(text('.entry .kind')).toEqual(['state', 'publish', 'state']);
    expect(text('.entry .what')[0]).toBe('theme: undefined → "dark"');
    expect(text('.entry .what')[1]).toBe('auth:token-refreshed → nobody');
  });

  it('keeps the rows that did not change when new entries arrive, and redraws a request as it settles', async () => {
    panel = await mount();
    let answer: (value: string) => void = () => {};
    bus.scope('shell').provide('user:profile', () => new Promise<string>((resolve) => (answer = resolve)));
    const asked = bus.scope('react').request('user:profile');
    bus.scope('shell').setState('theme', 'dark');
    await frame();
    const [themeRow, requestRow] = all('.entries > li');
    expect(text('.entry .what')[1]).toMatch(/^user:profile: running/);
    answer('Ada');
    await asked;
    bus.scope('vue').publish('cart:updated', { count: 1 });
    await frame();
    const rowsNow = all('.entries > li');
    expect(rowsNow).toHaveLength(4); // the publish, the theme, the request, the provide
    expect(rowsNow[1]).toBe(themeRow);
    expect(rowsNow[2]).not.toBe(requestRow);
    expect(text('.entry .what')[2]).toMatch(/^user:profile: settled/);
  });

  it('filters by app, kind, topic or key, and text', async () => {
    panel = await mount();
    bus.scope('react').subscribe('cart:updated', () => {});
    bus.scope('react').publish('cart:updated', { count: 1 });
    bus.scope('vue').setState('theme', 'dark');
    bus.scope('vue').publish('cart:updated', { count: 7 });
    await frame();
    await type('select[aria-label=App]', 'vue');
    expect(text('.entry .what')).toEqual(['cart:updated → react', 'theme: undefined → "dark"']);
    await type('select[aria-label=Kind]', 'publish');
    expect(text('.entry .what')).toEqual(['cart:updated → react']);
    await type('select[aria-label=App]', '');
    await type('input[aria-label="text"]', '"count":1');
    expect(text('.entry .app')).toEqual(['react']);
    await type('input[aria-label="text"]', '');
    await type('select[aria-label=Kind]', '');
    await type('input[aria-label="topic or key"]', 'THEME');
    expect(text('.entry .kind')).toEqual(['state']);
    expect(one('[role=tabpanel] [role=status]').textContent).toBe('1 of 4 entries');
  });

  it('expands an entry into its payload and receivers', async () => {
    panel = await mount();
    bus.scope('vue').subscribe('cart:updated', () => {});
    bus.scope('react').publish('cart:updated', { count: 3 });
    bus.scope('svelte').subscribe('cart:*', () => {});
    await frame();
    const publish = all('.entry').find((entry) => entry.textContent?.includes('publish'))!;
    expect(publish.getAttribute('aria-expanded')).toBe('false');
    publish.click();
    await frame();
    const details = [...all('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(details).toEqual([
      ['published by', 'react'],
      ['seq', '1'],
      ['received by', 'vue'],
      ['replayed to', 'svelte'],
      ['buffered for replay', 'yes'],
      ['payload', '{\n  "count": 3\n}'],
    ]);
    expect(one('[aria-expanded=true]')).toBeTruthy();
  });

  it('shows a request as a waterfall: queued, provider registered, started, settled, with durations', async () => {
    panel = await mount();
    let answer: (value: string[]) => void = () => {};
    const request = bus.scope('react').request('user:permissions', { userId: 'u1' });
    bus.scope('shell').provide('user:permissions', () => new Promise<string[]>((resolve) => (answer = resolve)));
    answer(['read']);
    await request;
    await frame();
    one('.request .entry').click();
    await frame();
    expect(all('.waterfall li').map((li) => li.firstElementChild?.textContent)).toEqual([
      'queued react',
      'provided shell',
      'started react',
      'settled react',
    ]);
    expect(text('.request .what')[0]).toMatch(/^user:permissions \{"userId":"u1"\}: settled \d+ ms$/);
  });

  it('shows every state key with its value, writer and time, and the history of a key', async () => {
    panel = await mount();
    bus.scope('shell').setState('theme', 'light');
    bus.scope('vue').setState('theme', 'dark');
    bus.setState('count', 1);
    await showTab('State');
    expect(rows().map(([key, value, writer, , watchers]) => [key, value, writer, watchers])).toEqual([
      ['theme', '"dark"', 'vue', '0'],
      ['count', '1', '(bus)', '0'],
    ]);
    button('theme').click();
    await frame();
    expect(one('section h3').textContent).toBe('History of theme');
    expect(
      rows()
        .slice(2)
        .map(([, writer, previous, next]) => [writer, previous, next]),
    ).toEqual([
      ['vue', '"light"', '"dark"'],
      ['shell', 'undefined', '"light"'],
    ]);
  });

  it('shows each app’s live counts, at zero after it unmounts, and flags growing registrations', async () => {
    panel = await mount();
    const react = bus.scope('react');
    react.subscribe('auth:*', () => {});
    react.watchState('theme', () => {});
    await showTab('Apps');
    expect(rows()[0]?.slice(0, 6)).toEqual(['react', '1', '1', '0', '0', '2']);
    react.dispose();
    await frame();
    expect(rows()[0]?.slice(0, 6)).toEqual(['react', '0', '0', '0', '0', '0']);
    expect(all('.warn')).toEqual([]);

    for (let mount = 0; mount < 2; mount++) {
      bus.scope('vue').subscribe(`leak:${mount}`, () => {});
      const vue = bus.scope('vue');
      vue.subscribe('auth:*', () => {});
      vue.dispose();
    }
    await frame();
    expect(text('.warn')).toEqual([
      '⚠ likely leak: keeps 2 registrations after dispose(); registrations grow across remounts: 1 → 2 left after each unmount',
    ]);
  });

  it('lists the library copies and their versions', async () => {
    panel = await mount();
    await showTab('Copies');
    expect(rows()).toEqual([['created the bus', bus.version, bus.protocol]]);
    expect(one('[role=tabpanel] p').textContent).toContain('1 copy of the library, 1 version');
  });

  it('shows the Contracts tab once contracts are given or a violation is recorded', async () => {
    panel = await mount();
    expect(tab('Contracts').hidden).toBe(true);
    bus.use({
      setup: (tools) =>
        tools.report(new Error('payload.count: expected number'), {
          report: 'violation',
          name: 'cart:updated',
          source: 'react',
        }),
    });
    await frame();
    expect(tab('Contracts').hidden).toBe(false);
    panel.contracts = {
      events: { 'cart:updated': { owner: ['react', 'vue'], version: '2.1.0' } },
      state: { theme: { deprecated: 'use ui:theme' } },
    };
    await showTab('Contracts');
    expect(rows()).toEqual([
      ['cart:updated', 'event', 'react, vue', '2.1.0', '', '1'],
      ['theme', 'state', 'anyone', '', 'deprecated: use ui:theme', '0'],
      [expect.any(String), 'react', 'cart:updated', 'payload.count: expected number'],
    ]);
  });

  it('pauses, resumes and clears the timeline', async () => {
    panel = await mount();
    bus.publish('t', 1);
    button('Pause').click();
    await frame();
    expect(button('Resume').getAttribute('aria-pressed')).toBe('true');
    bus.publish('t', 2);
    button('Resume').click();
    await frame();
    expect(all('.entry')).toHaveLength(1);
    expect(one('header [role=status]').textContent).toBe('1 entry');
    button('Clear').click();
    await frame();
    expect(all('.entry')).toHaveLength(0);
  });

  it('exports the timeline as a JSON file download', async () => {
    panel = await mount();
    bus.scope('react').publish('cart:updated', { count: 1 });
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:timeline');
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    button('Export').click();
    const link = clicked.mock.contexts[0] as HTMLAnchorElement;
    expect(link.href).toBe('blob:timeline');
    expect(link.download).toMatch(/^mfe-bus-timeline-.*\.json$/);
    const blob = created.mock.calls[0]![0] as Blob;
    const file = JSON.parse(await blob.text());
    expect(file).toMatchObject({ format: 'mfe-bus-timeline', entries: [{ type: 'publish', source: 'react' }] });
    expect(revoked).toHaveBeenCalledWith('blob:timeline');
    vi.restoreAllMocks();
  });

  it('imports an exported timeline to view it offline', async () => {
    const other = createBus();
    const source = record(other);
    other.scope('angular').publish('offline:event', 1);
    panel = await mount();
    const input = one('input[type=file]') as HTMLInputElement;
    const file = new File([source.export()], 'bug-1234.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await expect.poll(() => one('header [role=status]').textContent).toBe('1 entry · paused · viewing bug-1234.json');
    await frame();
    expect(text('.entry .app')).toEqual(['angular']);
    other.destroy();
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    panel = await mount();
    const press = (key: string) =>
      one('[role=tablist]').dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    tab('Timeline').focus();
    press('ArrowRight');
    expect(tab('State').getAttribute('aria-selected')).toBe('true');
    expect(root().activeElement).toBe(tab('State'));
    press('End'); // Contracts is hidden: Copies is the last tab
    expect(root().activeElement).toBe(tab('Copies'));
    press('ArrowRight');
    expect(root().activeElement).toBe(tab('Timeline'));
    press('ArrowLeft');
    press('Home');
    expect(tab('Timeline').getAttribute('aria-selected')).toBe('true');
    expect(all('[role=tab]').map((element) => element.tabIndex)).toEqual([0, -1, -1, -1, -1]);
  });

  it('keeps the focused entry focused while new entries arrive', async () => {
    panel = await mount();
    bus.publish('first', 1);
    await frame();
    one('.entry').focus();
    bus.publish('second', 2);
    await frame();
    expect(root().activeElement?.textContent).toContain('first');
  });

  it('hides its body until opened', async () => {
    panel = await mount((element) => {
      element.open = false;
    });
    expect(button('Show').getAttribute('aria-expanded')).toBe('false');
    button('Show').click();
    await frame();
    expect(panel.open).toBe(true);
    expect(button('Hide').getAttribute('aria-expanded')).toBe('true');
  });

  it('shows a recorder it is given, and stops only the one it made itself when removed', async () => {
    const shared = record(bus);
    panel = await mount((element) => {
      element.recorder = shared;
    });
    bus.publish('t', 1);
    await frame();
    expect(all('.entry')).toHaveLength(1);
    panel.remove();
    await Promise.resolve();
    bus.publish('t', 2);
    expect(shared.entries()).toHaveLength(2);

    const own = await mount();
    const recorder = own.recorder!;
    own.remove();
    await Promise.resolve();
    bus.publish('t', 3);
    expect(recorder.entries()).toEqual([]);
    expect(own.recorder).toBeUndefined();
  });

  it('keeps what a page set on the element before its module loaded (a lazy import)', async () => {
    const shared = record(bus);
    const early = document.createElement('mfe-bus-devtools-early') as unknown as MfeBusDevtools;
    Object.assign(early, { bus, recorder: shared, contracts: { events: { 'cart:updated': { version: '1.0.0' } } } });
    customElements.define('mfe-bus-devtools-early', class extends MfeBusDevtoolsClass {});
    document.body.append(early); // upgrades it
    expect(early).toBeInstanceOf(MfeBusDevtoolsClass);
    expect(early.recorder).toBe(shared);
    expect(early.bus).toBe(bus);
    expect(early.contracts).toEqual({ events: { 'cart:updated': { version: '1.0.0' } } });
    expect(Object.hasOwn(early, 'contracts')).toBe(false); // the accessor is in charge again
    early.remove();
  });

  it('keeps its timeline when moved on the page', async () => {
    panel = await mount();
    bus.publish('t', 1);
    const recorder = panel.recorder;
    document.body.prepend(panel); // disconnect + connect
    await Promise.resolve();
    expect(panel.recorder).toBe(recorder);
    expect(recorder?.paused).toBe(false);
  });
});
