import { h } from './dom';

export interface Tabs<Name extends string> {
  readonly element: HTMLElement;
  readonly selected: Name;
  setHidden(name: Name, hidden: boolean): void;
}

/**
 * An ARIA tablist: arrow keys, Home and End move between the visible tabs and select them; only the
 * selected tab is in the Tab order. `panelId` is the tabpanel they control.
 */
export function createTabs<Name extends string>(
  names: readonly Name[],
  panelId: string,
  onSelect: (name: Name) => void,
): Tabs<Name> {
  let selected = names[0] as Name;
  const buttons = new Map<Name, HTMLButtonElement>();
  const select = (name: Name, focus = false) => {
    selected = name;
    for (const [tab, button] of buttons) {
      button.setAttribute('aria-selected', String(tab === name));
      button.tabIndex = tab === name ? 0 : -1;
    }
    if (focus) buttons.get(name)?.focus();
    onSelect(name);
  };
  const onKey = (event: Event) => {
    const visible = names.filter((name) => !buttons.get(name)?.hidden);
    const index = visible.indexOf(selected);
    const target = {
      ArrowRight: visible[(index + 1) % visible.length],
      ArrowLeft: visible[(index - 1 + visible.length) % visible.length],
      Home: visible[0],
      End: visible[visible.length - 1],
    }[(event as KeyboardEvent).key];
    if (target === undefined) return;
    event.preventDefault();
    select(target, true);
  };
  for (const name of names) {
    const id = `tab-${name.toLowerCase()}`;
    buttons.set(
      name,
      h('button', { type: 'button', role: 'tab', id, 'aria-controls': panelId, onclick: () => select(name) }, name),
    );
  }
  const element = h('div', { role: 'tablist', 'aria-label': 'Views', onkeydown: onKey }, ...buttons.values());
  select(selected);
  return {
    element,
    get selected() {
      return selected;
    },
    setHidden(name, hidden) {
      const button = buttons.get(name);
      if (button) button.hidden = hidden;
      if (hidden && selected === name) select(names[0] as Name);
    },
  };
}
