// The debrief: the outcome, scores, what was possible, what everyone wanted, and the share code.
import { outcomeWord } from '../../core/codes';
import { historyText } from '../../core/level/sources';
import { PARTIES } from '../../core/parties';
import { h, percent } from '../dom';
import { termsList, weightBars } from '../widgets';
import { frontierChart, timeline } from './charts';
import { sharePanel } from './share';
import type { DebriefProps, Intents } from './types';

export function render(props: DebriefProps, intents: Intents): HTMLElement {
  const { level, game, view } = props;
  const outcome = game.outcome!;
  const rejections = game.history.flatMap((r) =>
    PARTIES.filter((p) => r.responses[p]?.accept === false).map((p) => ({
      round: r.round,
      party: p,
      response: r.responses[p]!,
    })),
  );
  return h(
    'section',
    { class: 'debrief', 'aria-labelledby': 'debrief-title' },
    h('h1', { id: 'debrief-title' }, outcomeWord(level, outcome.kind)),
    h(
      'p',
      { class: 'lede' },
      outcome.deal
        ? `A deal was signed in round ${game.round}. Credibility ${props.credibility ?? 0}/100.`
        : outcome.brokeDown
          ? `The talks broke down after round ${game.round}, before the deadline, without a deal.`
          : `The deadline passed after ${game.round} rounds without a deal.`,
    ),
    outcome.deal ? termsList(level, outcome.deal) : null,
    outcome.stress ? timeline(outcome.stress.years) : null,
    h('h2', {}, 'Scores'),
    h(
      'table',
      { class: 'scores' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'Delegation'),
          h('th', { scope: 'col' }, 'Score'),
          h('th', { scope: 'col' }, 'Utility of the outcome'),
        ),
      ),
      h(
        'tbody',
        {},
        PARTIES.map((p) =>
          h(
            'tr',
            { class: p === view.seat ? 'you' : '' },
            h(
              'th',
              { scope: 'row' },
              `${level.parties[p].spec.name}${p === view.seat ? ' (you)' : ''}`,
            ),
            h('td', {}, String(outcome.scores[p])),
            h('td', {}, percent(outcome.utilities[p])),
          ),
        ),
      ),
    ),
    h('h2', {}, 'What was possible'),
    frontierChart(props.analysis),
    h('h2', {}, 'What each delegation really wanted'),
    h(
      'div',
      { class: 'revealed' },
      PARTIES.map((p) => {
        const model = level.parties[p];
        const total = model.weights.reduce((a, b) => a + b, 0);
        return h(
          'div',
          {},
          h('h3', {}, model.spec.name),
          weightBars(
            level,
            model.weights.map((w) => w / total),
          ),
          h(
            'ul',
            {},
            model.redLines.map((r) =>
              h(
                'li',
                {},
                `${r.hard ? 'Hard' : 'Firm'} red line${r.public ? '' : ' (private)'}: ${r.says}`,
              ),
            ),
          ),
          h('p', { class: 'muted' }, `BATNA at the end: ${percent(game.parties[p].reservation)}`),
        );
      }),
    ),
    h('h2', {}, 'Rejections and the red lines behind them'),
    rejections.length
      ? h(
          'ul',
          {},
          rejections.map((x) =>
            h(
              'li',
              {},
              `Round ${x.round}: ${level.parties[x.party].spec.name} — ${x.response.says}${x.response.redLine ? ` (red line “${x.response.redLine}”)` : ''}`,
            ),
          ),
        )
      : h('p', {}, 'No rejections.'),
    sharePanel(props),
    h('h2', {}, 'Discussion'),
    h(
      'ol',
      {},
      level.spec.questions.map((q) => h('li', {}, q)),
    ),
    h('h2', {}, 'The history behind it'),
    h(
      'ul',
      {},
      level.spec.history.map((x) => h('li', {}, historyText(x))),
    ),
    level.spec.glossary.length
      ? h(
          'details',
          {},
          h('summary', {}, 'Glossary'),
          h(
            'dl',
            {},
            level.spec.glossary.flatMap((g) => [h('dt', {}, g.term), h('dd', {}, g.definition)]),
          ),
        )
      : null,
    h(
      'div',
      { class: 'row actions' },
      h(
        'button',
        { class: 'primary', onclick: () => intents.playAgain(game.seed) },
        'Play again (same seed)',
      ),
      h('button', { onclick: () => intents.playAgain(null) }, 'Play a new seed'),
      h('button', { onclick: () => intents.menu() }, 'Change seat or level'),
    ),
  );
}
