import { type Bus, getBus } from '@mfe-bus/core';
import { type Recorder, record } from '../recorder/record';
import { h, keepingFocus } from './dom';
import { plural } from './format';
import { adoptStyles } from './styles';
import { createTabs, type Tabs } from './tabs';
import { appsView } from './views/apps-view';
import { contractsView, hasContracts } from './views/contracts-view';
import { copiesView } from './views/copies-view';
import { stateView } from './views/state-view';
import { timelineView } from './views/timeline-view';
import type { ContractsInfo, PanelData, View } from './views/view';

const VIEWS = ['Timeline', 'State', 'Apps', 'Copies', 'Contracts'] as const;
type ViewName = (typeof VIEWS)[number];

/**
 * `<mfe-bus-devtools open>`: the bus's timeline, state, apps, library copies and contracts, in a Shadow DOM
 * styled by a constructable stylesheet (fine under a strict CSP). Uses the page-wide bus unless `bus` is set
 * before it is connected, and records with its own recorder unless `recorder` is set. `open` shows the body.
 */
export class MfeBusDevtools extends HTMLElement {
  static readonly observedAttributes = ['open'];

  // `declare`: no class field, so a value a page set before this module loaded (lazily) survives the upgrade.
  /** The bus to show; default: `getBus()`, the page-wide bus. Set it before connecting the element. */
  declare bus: Bus | undefined;
  /** A recorder to show instead of one of its own (which it stops when removed from the page). */
  declare recorder: Recorder | undefined;

  #contracts: ContractsInfo | undefined;
  #ownRecorder: Recorder | undefined;
  #stopListening: (() => void) | undefined;
  #frame = 0;
  #status = '';
  #ui:
    | {
        root: ShadowRoot;
        tabs: Tabs<ViewName>;
        views: Record<ViewName, View>;
        panel: HTMLElement;
        summary: HTMLElement;
        pause: HTMLButtonElement;
        toggle: HTMLButtonElement;
      }
    | undefined;

  constructor() {
    super();
    // A `contracts` value set before the upgrade is an own property hiding the accessor: move it behind it.
    if (Object.hasOwn(this, 'contracts')) {
      const contracts = this.contracts;
      delete (this as { contracts?: unknown }).contracts;
      this.contracts = contracts;
    }
  }

  /** The contracts to list, e.g. `contractsManifest(contracts)` of @mfe-bus/contracts. */
  get contracts(): ContractsInfo | undefined {
    return this.#contracts;
  }
  set contracts(contracts: ContractsInfo | undefined) {
    this.#contracts = contracts;
    this.#schedule();
  }

  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(open: boolean) {
    this.toggleAttribute('open', open);
  }

  connectedCallback(): void {
    this.bus ??= getBus();
    if (!this.recorder) {
      this.#ownRecorder = record(this.bus);
      this.recorder = this.#ownRecorder;
    }
    this.#stopListening = this.recorder.subscribe(() => this.#schedule());
    this.#ui ??= this.#build();
    this.#render();
  }

  disconnectedCallback(): void {
    this.#stopListening?.();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    // A move (disconnect + connect in one task) keeps the timeline; a removal stops the recorder.
    queueMicrotask(() => {
      if (this.isConnected || !this.#ownRecorder) return;
      this.#ownRecorder.stop();
      this.recorder = undefined;
      this.#ownRecorder = undefined;
    });
  }

  attributeChangedCallback(): void {
    this.#schedule();
  }

  #build() {
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    const views: Record<ViewName, View> = {
      Timeline: timelineView(),
      State: stateView(),
      Apps: appsView(),
      Copies: copiesView(),
      Contracts: contractsView(),
    };
    const panel = h('div', { role: 'tabpanel', id: 'view' });
    const tabs = createTabs(VIEWS, 'view', (name) => {
      panel.setAttribute('aria-labelledby', `tab-${name.toLowerCase()}`);
      this.#render();
    });
    const button = (label: string, onclick: () => void, props = {}) =>
      h('button', { type: 'button', onclick, ...props }, label);
    const pause = button('Pause', () => {
      const recorder = this.recorder;
      if (recorder?.paused) recorder.resume();
      else recorder?.pause();
    });
    const fileInput = h('input', {
      type: 'file',
      accept: 'application/json,.json',
      hidden: true,
      onchange: () => this.#import(fileInput),
    });
    const toggle = button('Hide', () => {
      this.open = !this.open;
    });
    const summary = h('span', { class: 'muted', role: 'status' });
    const toolbar = h(
      'div',
      { role: 'toolbar', 'aria-label': 'Timeline' },
      pause,
      button('Clear', () => {
        this.#status = '';
        this.recorder?.clear();
      }),
      button('Export', () => this.#export()),
      button('Import', () => fileInput.click()),
      fileInput,
    );
    root.append(
      h('header', {}, h('h2', {}, 'mfe-bus devtools'), summary, toggle),
      h('div', { class: 'body' }, toolbar, tabs.element, panel),
    );
    return { root, tabs, views, panel, summary, pause, toggle };
  }

  #schedule(): void {
    if (this.#frame || !this.#ui) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#render();
    });
  }

  #render(): void {
    const ui = this.#ui;
    const { recorder, bus } = this;
    if (!ui || !recorder || !bus) return;
    const entries = recorder.entries();
    ui.toggle.textContent = this.open ? 'Hide' : 'Show';
    ui.toggle.setAttribute('aria-expanded', String(this.open));
    ui.pause.textContent = recorder.paused ? 'Resume' : 'Pause';
    ui.pause.setAttribute('aria-pressed', String(recorder.paused));
    ui.summary.textContent = [plural(entries.length, 'entry', 'entries'), recorder.paused && 'paused', this.#status]
      .filter(Boolean)
      .join(' · ');
    if (!this.open) return;
    const data: PanelData = { entries, snapshot: bus.inspect(), contracts: this.#contracts };
    ui.tabs.setHidden('Contracts', !hasContracts(data));
    const view = ui.views[ui.tabs.selected];
    keepingFocus(ui.root, () => {
      view.update(data);
      if (ui.panel.firstChild !== view.element) ui.panel.replaceChildren(view.element);
    });
  }

  #export(): void {
    if (!this.recorder) return;
    const url = URL.createObjectURL(new Blob([this.recorder.export()], { type: 'application/json' }));
    h('a', { href: url, download: `mfe-bus-timeline-${new Date().toISOString()}.json` }).click();
    URL.revokeObjectURL(url);
  }

  async #import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file || !this.recorder) return;
    try {
      this.recorder.import(await file.text());
      this.#status = `viewing ${file.name}`;
    } catch (error) {
      this.#status = `${file.name}: ${(error as Error).message}`;
    }
    this.#render();
  }
}
