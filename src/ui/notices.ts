// Plain-text notices in the controls panel, with one button to dismiss them all. The same text is
// shown once: a repeated problem never stacks up one notice per move.
import { h } from './dom';

export function noticeBoard(notice: HTMLElement): (text: string) => void {
  return (text: string) => {
    const shown = [...notice.querySelectorAll('p')].some((p) => p.textContent === text);
    if (shown) return;
    if (!notice.querySelector('button'))
      notice.append(
        h(
          'button',
          { type: 'button', class: 'dismiss', onclick: () => notice.replaceChildren() },
          'Dismiss',
        ),
      );
    notice.insertBefore(h('p', {}, text), notice.querySelector('button'));
  };
}
