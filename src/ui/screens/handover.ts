// Between two people in hot-seat play: nothing private shows until the next one is ready.
import { h } from '../dom';
import type { HandoverProps, Intents } from './types';

export function render(props: HandoverProps, intents: Intents): HTMLElement {
  const { name } = props;
  return h(
    'section',
    { class: 'handover', 'aria-labelledby': 'handover-title' },
    h('h1', { id: 'handover-title' }, `Pass the device to ${name}`),
    h(
      'p',
      {},
      `The screen is hidden so that nobody sees another seat's private weights. ${name}: press the button when you are ready.`,
    ),
    h(
      'button',
      {
        class: 'primary',
        id: 'handover-ready',
        'data-autofocus': true,
        onclick: () => intents.ready(),
      },
      `I am ${name}: show my screen`,
    ),
  );
}
