export type Child = Node | string | false | null | undefined;
type Attribute = string | number | boolean | undefined;
/** Attributes, and `on<event>` listeners. */
export type Props = Record<string, Attribute | ((event: Event) => void)>;

/**
 * Creates an element. Text goes in as text nodes and attributes one by one: no HTML parsing and no
 * inline `style` attribute, so nothing here needs `unsafe-inline` under a Content-Security-Policy.
 */
export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) if (child) element.append(child);
  return element;
}

/**
 * Runs `render` (which replaces elements) and gives the focus back to the element with the same
 * `data-focus` key, so keyboard users keep their place while the panel updates.
 */
export function keepingFocus(root: ShadowRoot, render: () => void): void {
  const key = root.activeElement?.getAttribute('data-focus');
  render();
  if (key) root.querySelector<HTMLElement>(`[data-focus="${CSS.escape(key)}"]`)?.focus();
}

/** A `<table>` with a header row; `empty` is shown when there are no rows. */
export function table(headers: string[], rows: Child[][], empty: string): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted' }, empty);
  return h(
    'table',
    {},
    h('thead', {}, h('tr', {}, ...headers.map((header) => h('th', { scope: 'col' }, header)))),
    h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
  );
}

/** A `<dl>` of label/value pairs (pairs whose value is `false` or missing are left out). */
export function fields(pairs: [string, Child | Child[]][]): HTMLElement {
  return h(
    'dl',
    {},
    ...pairs
      .filter(([, value]) => value)
      .flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, ...[value].flat())]),
  );
}
