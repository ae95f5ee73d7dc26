// The debrief: the outcome, scores, what was possible, what everyone wanted, and the share code.
import { outcomeWord } from '../../core/codes';
import { endingOf, type ApproachResult, type Ending } from '../../core/compare';
import { historyText } from '../../core/level/sources';
import { PARTIES } from '../../core/parties';
import { h, percent } from '../dom';
import { termsList, weightBars } from '../widgets';
import { frontierChart, timeline } from './charts';
import { sharePanel } from './share';
import type { Comparison, DebriefProps, Intents } from './types';

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
      {
        deal: `A deal was signed in round ${game.round}. Credibility ${props.credibility ?? 0}/100.`,
        brokeDown: `The talks broke down after round ${game.round}, before the deadline, without a deal.`,
        deadline: `The deadline passed after ${game.round} rounds without a deal.`,
      }[endingOf(game)],
    ),
    outcome.deal ? termsList(level, outcome.deal) : null,
    outcome.stress ? timeline(outcome.stress.years) : null,
    h('h2', {}, 'Scores'),
    scoresTable(
      ['Delegation', 'Score', 'Utility of the outcome'],
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
    props.comparison
      ? comparisonSection(props.comparison, game)
      : h(
          'p',
          { class: 'muted compare-note' },
          'With more than one person at the table, no other ways of playing are compared: ' +
            'their moves cannot be played again without them. Each person can replay the seed alone.',
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

/** A table of scores: a heading per column, then the rows. */
const scoresTable = (headings: readonly string[], rows: HTMLElement[]): HTMLElement =>
  h(
    'table',
    { class: 'scores' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headings.map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h('tbody', {}, rows),
  );

const endingText = (ending: Ending, round: number): string =>
  ending === 'deal'
    ? `Deal, round ${round}`
    : ending === 'brokeDown'
      ? `Broke down, round ${round}`
      : 'No deal by the deadline';

/** Your score beside what other approaches scored at your seat on the same seed. */
function comparisonSection(comparison: Comparison, game: DebriefProps['game']): HTMLElement {
  const body = h(
    'div',
    { class: 'comparison', 'aria-live': 'polite', 'aria-busy': 'true' },
    h('p', { class: 'muted' }, 'Playing this seed again with other approaches…'),
  );
  const row = (name: string, score: number, ending: string, code: string | null) =>
    h(
      'tr',
      { class: code === null ? 'you' : '' },
      h('th', { scope: 'row' }, name),
      h('td', {}, String(score)),
      h('td', {}, ending),
      h(
        'td',
        {},
        code === null
          ? null
          : h(
              'a',
              {
                href: `?replay=${encodeURIComponent(code)}`,
                target: '_blank',
                rel: 'noopener',
                'aria-label': `Watch it: how “${name}” played this seed (opens a new tab)`,
              },
              'Watch it',
            ),
      ),
    );
  void comparison.settled.then((settled) => {
    body.removeAttribute('aria-busy');
    if (!settled.ok) {
      body.replaceChildren(h('p', {}, 'The comparison could not be worked out for this game.'));
      return;
    }
    const results: readonly ApproachResult[] = settled.results;
    body.replaceChildren(
      scoresTable(
        ['Approach', 'Score', 'How it ended', 'Replay'],
        [
          row(
            'Your play',
            game.outcome!.scores[comparison.seat],
            endingText(endingOf(game), game.round),
            null,
          ),
          ...results.map((r) => row(r.name, r.score, endingText(r.ending, r.round), r.code)),
        ],
      ),
    );
  });
  return h(
    'section',
    { class: 'compare', 'aria-labelledby': 'compare-title' },
    h('h2', { id: 'compare-title' }, 'Other ways to play your seat'),
    h(
      'p',
      {},
      'The same seed, played again at your seat against the same delegations. Accepting or ' +
        'rejecting every offer tables your own ideal package each turn; bargaining steadily ' +
        'trades what matters little to you for what matters most and concedes step by step as ' +
        'the deadline nears. The delegations answer whatever is played, and talks can break ' +
        'down by chance, so one seed is one roll of the dice: play it again to try another way.',
    ),
    body,
  );
}
