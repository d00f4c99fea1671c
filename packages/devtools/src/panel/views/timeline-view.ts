import type { TimelineEntry } from '../../recorder/entries';
import { describeEntry } from '../describe-entry';
import { h } from '../dom';
import { KINDS, kindOf } from '../entry-kind';
import { appName, clock } from '../format';
import { appsOf, matches, type TimelineFilter } from '../timeline-filter';
import { entryDetails } from './entry-details';
import type { PanelData, View } from './view';

/** Rows rendered at most; the filters narrow down the rest. */
const SHOWN = 200;

function options(select: HTMLSelectElement, all: string, values: string[]): void {
  const current = select.value;
  select.replaceChildren(h('option', { value: '' }, all), ...values.map((value) => h('option', { value }, value)));
  select.value = values.includes(current) ? current : '';
}

/** The timeline: newest first, filterable by app, kind, topic/key and text; an entry expands into details. */
export function timelineView(): View {
  const filter: TimelineFilter = { app: '', kind: '', name: '', text: '' };
  const expanded = new Set<number>();
  let entries: TimelineEntry[] = [];

  const list = h('ol', { class: 'entries', 'aria-label': 'Timeline, newest first' });
  const count = h('p', { class: 'muted', role: 'status' });
  const onFilter = (field: keyof TimelineFilter) => (event: Event) => {
    filter[field] = (event.target as HTMLInputElement | HTMLSelectElement).value;
    render();
  };
  const appSelect = h('select', { 'aria-label': 'App', onchange: onFilter('app') });
  const kindSelect = h('select', { 'aria-label': 'Kind', onchange: onFilter('kind') });
  options(kindSelect, 'every kind', [...KINDS]);
  const search = (field: 'name' | 'text', label: string) =>
    h('input', { type: 'search', placeholder: label, 'aria-label': label, oninput: onFilter(field) });

  function row(entry: TimelineEntry, line: string): HTMLElement {
    const open = expanded.has(entry.id);
    const kind = kindOf(entry);
    const toggle = () => {
      if (!expanded.delete(entry.id)) expanded.add(entry.id);
      render();
    };
    return h(
      'li',
      { class: kind },
      h(
        'button',
        {
          type: 'button',
          class: 'entry',
          'aria-expanded': String(open),
          'data-focus': `entry-${entry.id}`,
          onclick: toggle,
        },
        h('time', {}, clock(entry.timestamp)),
        h('span', { class: 'kind' }, kind),
        h('span', { class: 'app' }, appName(entry.source)),
        h('span', { class: 'what' }, line),
      ),
      open && entryDetails(entry),
    );
  }

  // A busy bus renders the panel every frame: a closed row is rebuilt only when its line changed (a request's
  // status and duration do; what was published does not). Kept by entry, so a cleared timeline lets go.
  const rows = new WeakMap<TimelineEntry, { line: string; element: HTMLElement }>();
  function rowOf(entry: TimelineEntry): HTMLElement {
    const line = describeEntry(entry);
    const kept = rows.get(entry);
    if (kept?.line === line && !expanded.has(entry.id)) return kept.element;
    const element = row(entry, line);
    rows.set(entry, { line, element });
    return element;
  }

  function render(): void {
    const shown = entries.filter((entry) => matches(entry, filter)).reverse();
    list.replaceChildren(...shown.slice(0, SHOWN).map(rowOf));
    count.textContent =
      shown.length > SHOWN
        ? `newest ${SHOWN} of ${shown.length} matching entries`
        : `${shown.length} of ${entries.length} entries`;
  }

  return {
    element: h(
      'div',
      {},
      h('div', { class: 'filters' }, appSelect, kindSelect, search('name', 'topic or key'), search('text', 'text')),
      count,
      list,
    ),
    update(data: PanelData) {
      entries = data.entries;
      const apps = new Set([...data.snapshot.apps.map(({ app }) => appName(app)), ...entries.flatMap(appsOf)]);
      options(appSelect, 'every app', [...apps].sort());
      filter.app = appSelect.value;
      render();
    },
  };
}
