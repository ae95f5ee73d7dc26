// The share panel of the debrief: the result code (with an optional name), the share card.
import { h } from '../dom';
import { field } from '../widgets';
import type { DebriefProps } from './types';

export function sharePanel(props: DebriefProps): HTMLElement {
  const card = props.shareCard;
  const codeBox = h('textarea', {
    id: 'result-code',
    readonly: true,
    rows: 3,
    spellcheck: 'false',
  });
  const nameInput = h('input', { id: 'player-name', maxlength: 40, autocomplete: 'off' });
  const status = h('p', { role: 'status', class: 'muted' });
  const replayLink = h('a', {}, 'Open the replay viewer');
  const refresh = () => {
    codeBox.value = props.resultCode(nameInput.value.trim() || undefined);
    replayLink.href = `?replay=${encodeURIComponent(codeBox.value)}`;
  };
  nameInput.addEventListener('input', refresh);
  refresh();
  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `${what} copied.`;
    } catch {
      status.textContent = `Copying is blocked here: select the ${what.toLowerCase()} and copy it by hand.`;
    }
  };
  return h(
    'div',
    { class: 'share' },
    h('h2', {}, 'Share and check'),
    h(
      'p',
      {},
      'The result code lets anyone replay this game and check the outcome. Give it to your teacher.',
    ),
    field('player-name', 'Your name (optional, goes into the code)', nameInput),
    field('result-code', 'Result code', codeBox),
    h('pre', { class: 'share-card', 'aria-label': 'Share card' }, card),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', onclick: () => void copy(codeBox.value, 'Result code') },
        'Copy result code',
      ),
      h(
        'button',
        { type: 'button', onclick: () => void copy(card, 'Share card') },
        'Copy share card',
      ),
      'share' in navigator
        ? h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void navigator.share({ title: 'Red Lines', text: card }).catch(() => undefined),
            },
            'Share…',
          )
        : null,
      replayLink,
    ),
    status,
  );
}
