/** The element with `data-testid="<id>"` (the shell's markup and the tests share these ids). */
export function byTestId<E extends HTMLElement = HTMLElement>(id: string, root: ParentNode = document): E {
  const element = root.querySelector<E>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`missing element [data-testid="${id}"]`);
  return element;
}

/** Set `textContent` only when it changes (the remote counts re-render a few times a second). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
