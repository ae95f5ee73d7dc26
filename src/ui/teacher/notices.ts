// Notices about the page itself (storage blocked, full or unreadable), each said once: the part
// shows the current problems, it never piles up one line per change.
import { h } from '../dom';

export interface NoticesProps {
  readonly messages: readonly string[];
}

export const render = (props: NoticesProps): HTMLElement =>
  h(
    'div',
    { class: 'tc-notices', role: 'status' },
    props.messages.map((text) => h('p', { class: 'tc-note' }, text)),
  );
