// A screen part: `render(props, intents)` builds its element from props alone, and the page swaps
// it in when the props its selector picks have changed. Swapping keeps the focus and the caret on
// the control the teacher was using (found again by id), so a re-render never steals the keyboard.

export type Render<P, I> = (props: P, intents: I) => HTMLElement;

export interface Part<P> {
  /** The part's current element (it changes on every re-render). */
  readonly el: HTMLElement;
  /** Re-renders when `props` differ from the last ones (by `key`, else by value). */
  update(props: P): void;
}

/** Whether two plain values (primitives, arrays, plain objects) are the same. */
export function sameProps(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameProps((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Replaces `old` by `next`, moving the focus (and caret) to the control with the same id. */
export function swap(old: HTMLElement, next: HTMLElement): void {
  const doc = old.ownerDocument;
  const active = doc.activeElement;
  const id = active instanceof HTMLElement && old.contains(active) ? active.id : '';
  let caret: [number, number] | null = null;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    try {
      if (active.selectionStart !== null && active.selectionEnd !== null)
        caret = [active.selectionStart, active.selectionEnd];
    } catch {
      caret = null; // inputs without a caret (number, radio)
    }
  }
  old.replaceWith(next);
  if (id === '') return;
  const again = doc.getElementById(id);
  if (!again || !next.contains(again)) return;
  again.focus({ preventScroll: true });
  if (caret && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement))
    try {
      again.setSelectionRange(caret[0], caret[1]);
    } catch {
      // No caret on this kind of input.
    }
}

export function mountPart<P, I>(
  render: Render<P, I>,
  props: P,
  intents: I,
  key: (props: P) => unknown = (p) => p,
): Part<P> {
  let el = render(props, intents);
  let last = key(props);
  return {
    get el() {
      return el;
    },
    update(next) {
      const k = key(next);
      if (sameProps(k, last)) return;
      last = k;
      const fresh = render(next, intents);
      if (el.isConnected) swap(el, fresh);
      el = fresh;
    },
  };
}
