// The replay viewer: a verified result code, round by round, with "play on from round N".
import { outcomeWord } from '../../core/codes';
import { h } from '../dom';
import { responsesList, termsList } from '../widgets';
import type { Intents, ReplayProps } from './types';

export function render(props: ReplayProps, intents: Intents): HTMLElement {
  const { level } = props;
  const { result, rounds, shown } = props.replay;
  const game = rounds[shown]!;
  const record = game.history[shown] ?? null;
  const proposal = record?.proposal ?? game.table;
  const responses = record?.responses ?? game.responses;
  const round = shown + 1;
  return h(
    'section',
    { class: 'replay', 'aria-labelledby': 'replay-title' },
    h('h1', { id: 'replay-title' }, `Replay: ${level.spec.title}`),
    h(
      'p',
      {},
      `Verified by replay${result.payload.name ? ` · ${result.payload.name}` : ''} · seed ${result.payload.seed} · ${outcomeWord(level, result.outcome)} after ${result.rounds} rounds.`,
    ),
    h('h2', {}, `Round ${round} of ${rounds.length}`),
    proposal
      ? h(
          'div',
          {},
          h('p', {}, `${level.parties[proposal.proposer].spec.name} proposed:`),
          termsList(level, proposal.package),
          responsesList(level, proposal, responses),
        )
      : null,
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', disabled: shown === 0, onclick: () => intents.showRound(shown - 1) },
        'Previous round',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          'data-autofocus': true,
          disabled: shown >= rounds.length - 1,
          onclick: () => intents.showRound(shown + 1),
        },
        'Next round',
      ),
      h(
        'button',
        { type: 'button', id: 'fork', onclick: () => intents.fork(round) },
        `Play on from round ${round}`,
      ),
      h('button', { type: 'button', onclick: () => intents.menu() }, 'Menu'),
    ),
  );
}
