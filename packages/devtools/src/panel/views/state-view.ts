import type { StateEntry } from '../../recorder/entries';
import { h, table } from '../dom';
import { appName, clock, preview } from '../format';
import type { PanelData, View } from './view';

/** Every state key with its value, last writer and time; a key's button shows its history. */
export function stateView(): View {
  const element = h('div');
  let selected: string | undefined;
  let last: PanelData | undefined;

  function history(key: string, data: PanelData): HTMLElement {
    const writes = data.entries
      .filter((entry): entry is StateEntry => entry.type === 'state' && entry.key === key)
      .reverse();
    return h(
      'section',
      { 'aria-label': `History of ${key}` },
      h('h3', {}, `History of ${key}`),
      table(
        ['time', 'writer', 'previous', 'next'],
        writes.map((write) => [
          clock(write.timestamp),
          appName(write.source),
          preview(write.previous),
          preview(write.next),
        ]),
        'No write of this key in the timeline.',
      ),
    );
  }

  function render(data: PanelData): void {
    last = data;
    const select = (key: string) => () => {
      selected = selected === key ? undefined : key;
      if (last) render(last);
    };
    const rows = data.snapshot.state.map(({ key, value, source, updatedAt, watchers }) => [
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          'aria-pressed': String(key === selected),
          'data-focus': `key-${key}`,
          onclick: select(key),
        },
        key,
      ),
      preview(value),
      appName(source),
      updatedAt === null ? '' : clock(updatedAt),
      String(watchers),
    ]);
    element.replaceChildren(
      table(['key', 'value', 'last writer', 'updated', 'watchers'], rows, 'No state yet.'),
      ...(selected === undefined ? [] : [history(selected, data)]),
    );
  }

  return { element, update: render };
}
