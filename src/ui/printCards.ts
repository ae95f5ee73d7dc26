// Role cards for in-person play: one printed page per seat with its briefing, objectives and red
// lines, and what the other delegations say in public. Only the print stylesheet shows them.
import type { Level } from '../core/level/level';
import { PARTIES } from '../core/parties';
import { h, paragraphs, percent } from './dom';

export function printRoleCards(level: Level): void {
  const cards = h(
    'div',
    { class: 'print-cards', 'aria-hidden': 'true' },
    PARTIES.map((party) => {
      const model = level.parties[party];
      const total = model.weights.reduce((a, b) => a + b, 0);
      return h(
        'article',
        { class: 'print-card' },
        h('h1', {}, `${level.spec.title}: ${model.spec.name}`),
        ...paragraphs(model.spec.briefing),
        h('h2', {}, 'Objectives'),
        h(
          'ul',
          {},
          model.spec.objectives.map((x) => h('li', {}, x)),
        ),
        h('h2', {}, 'What matters to you (share of your weight)'),
        h(
          'ul',
          {},
          level.issues.map((issue, i) =>
            h('li', {}, `${issue.name}: ${percent(model.weights[i]! / total)}%`),
          ),
        ),
        h('h2', {}, 'Your red lines'),
        h(
          'ul',
          {},
          model.redLines.map((r) => h('li', {}, `${r.hard ? 'Hard' : 'Firm'}: ${r.says}`)),
        ),
        h('h2', {}, 'What the others say in public'),
        h(
          'ul',
          {},
          PARTIES.filter((p) => p !== party).map((p) =>
            h(
              'li',
              {},
              h('strong', {}, level.parties[p].spec.name),
              `: ${level.parties[p].spec.publicPosition}`,
            ),
          ),
        ),
        h(
          'p',
          { class: 'muted' },
          `Deadline: ${level.spec.deadline} rounds. Keep this card to yourself.`,
        ),
      );
    }),
  );
  document.querySelector('.print-cards')?.remove();
  document.body.append(cards);
  window.print();
}
