import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh container in the document for each test, handed to `set`; after the
 * test it is rendered empty (unmounting the component) and removed, then
 * `after` runs (for example to reset the address).
 */
export function containerPerTest(set: (container: HTMLElement) => void, after?: () => void): void {
  let current: HTMLElement;
  beforeEach(() => {
    current = document.createElement('div');
    document.body.append(current);
    set(current);
  });
  afterEach(() => {
    render(null, current);
    current.remove();
    after?.();
  });
}

/** The markup a component renders, in a container of its own that is emptied again afterwards. */
export async function markupOf(node: ComponentChild): Promise<string> {
  const container = document.createElement('div');
  await act(async () => {
    render(node, container);
  });
  const html = container.innerHTML;
  render(null, container);
  return html;
}

/**
 * Queries and actions for component tests, the way a person finds things:
 * buttons by their accessible name, fields by their label text. `root`
 * narrows the search where labels repeat between forms.
 */
export function domQueries(container: () => HTMLElement) {
  const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  /** Open every folded data table (their rows are built when first opened), as a reader pressing "Show data table". */
  const openDataTables = () =>
    act(() => {
      for (const d of container().querySelectorAll<HTMLDetailsElement>('details.data-table')) {
        if (d.open) continue;
        d.open = true;
        d.dispatchEvent(new Event('toggle'));
      }
    });
  /** Past the next painted frame and what the page defers to just after it (afterNextPaint). */
  const settleFrame = async () => {
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await settle();
  };
  const text = () => container().textContent ?? '';
  /** Text a screen reader would read: decorative (aria-hidden) parts left out. */
  const spoken = (el: Element): string => {
    const copy = el.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    return copy.textContent?.trim() ?? '';
  };
  const named = (el: Element) => el.getAttribute('aria-label') ?? spoken(el);
  function button(name: string, root: ParentNode = container()): HTMLButtonElement {
    const b = [...root.querySelectorAll('button')].find((el) => named(el) === name);
    if (!b) throw new Error(`no button "${name}" in: ${text()}`);
    return b;
  }
  const hasButton = (name: string, root: ParentNode = container()) => [...root.querySelectorAll('button')].some((el) => named(el) === name);
  async function press(name: string, root: ParentNode = container()) {
    await act(async () => button(name, root).click());
    await settle();
    await settle();
  }
  function field<T extends HTMLElement = HTMLInputElement>(label: string, root: ParentNode = container()): T {
    const l = [...root.querySelectorAll('label')].find((el) => el.textContent === label);
    const el = l && container().querySelector<T>(`[id="${l.htmlFor}"]`);
    if (!el) throw new Error(`no field labelled "${label}"`);
    return el;
  }
  async function type(label: string, value: string, root: ParentNode = container()) {
    const el = field<HTMLInputElement | HTMLTextAreaElement>(label, root);
    await act(async () => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  async function choose(label: string, value: string, root: ParentNode = container()) {
    const el = field<HTMLSelectElement>(label, root);
    await act(async () => {
      el.value = value;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  const alertBox = () => container().querySelector<HTMLElement>('[role="alert"]');
  return { settle, settleFrame, openDataTables, text, spoken, button, hasButton, press, field, type, choose, alertBox };
}
