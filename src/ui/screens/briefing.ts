// The briefing: the seat's role card, what the others say in public, and the history.
import { describeSource, historyText } from '../../core/level/sources';
import { PARTIES } from '../../core/parties';
import { h, paragraphs, percent } from '../dom';
import { breakdownNote, ownPriorities } from '../widgets';
import type { BriefingProps, Intents } from './types';

export function render(props: BriefingProps, intents: Intents): HTMLElement {
  const { level, view } = props;
  const spec = level.spec;
  const hint = spec.hints?.find((x) => x.phase === 'briefing');
  const go = (autofocus: boolean) =>
    h(
      'button',
      { class: 'primary', 'data-autofocus': autofocus, onclick: () => intents.begin() },
      'Go to the table',
    );
  const ownCard = view
    ? [
        h('h2', {}, 'Your role card'),
        ...paragraphs(view.you.briefing),
        h('h3', {}, 'Objectives'),
        h(
          'ul',
          {},
          view.you.objectives.map((x) => h('li', {}, x)),
        ),
        ...ownPriorities(level, view),
        h(
          'p',
          {},
          `No deal is worth ${percent(view.you.reservation)} points to you now (your BATNA); it changes as the talks drag on.`,
        ),
      ]
    : [
        h(
          'p',
          {},
          `Hot-seat game for ${props.humanNames.join(', ')}. Each of you sees your own role card once the device is handed to you; nobody else's shows on screen.`,
        ),
      ];
  return h(
    'section',
    { class: 'briefing', 'aria-labelledby': 'briefing-title' },
    h(
      'h1',
      { id: 'briefing-title' },
      view ? `${spec.title}: you are ${view.you.name}` : `${spec.title}: hot-seat`,
    ),
    h(
      'p',
      { class: 'muted' },
      `Seed ${props.seed} · ${props.difficulty} · deadline ${spec.deadline} rounds` +
        breakdownNote(spec.breakdownRisk),
    ),
    hint ? h('p', { class: 'hint' }, hint.text) : null,
    h(
      'p',
      { class: 'row' },
      go(true),
      h(
        'span',
        { class: 'muted' },
        'Read your role card first: it is what you will negotiate for.',
      ),
    ),
    ownCard,
    h('h2', {}, view ? 'The other delegations say' : 'What the delegations say in public'),
    h(
      'ul',
      { class: 'positions' },
      view
        ? view.others.map((o) =>
            h(
              'li',
              {},
              h('strong', {}, o.name),
              ': ',
              o.publicPosition,
              o.knownRedLines.length
                ? h(
                    'ul',
                    {},
                    o.knownRedLines.map((r) => h('li', {}, `Red line: ${r.says}`)),
                  )
                : null,
            ),
          )
        : PARTIES.map((p) =>
            h(
              'li',
              {},
              h('strong', {}, level.parties[p].spec.name),
              ': ',
              level.parties[p].spec.publicPosition,
            ),
          ),
    ),
    h(
      'p',
      {},
      h(
        'button',
        { type: 'button', id: 'print-cards', onclick: () => intents.printCards() },
        'Print the role cards (one page per seat)',
      ),
    ),
    h('h2', {}, 'History behind this level'),
    h(
      'ul',
      {},
      spec.history.map((x) => h('li', {}, historyText(x))),
    ),
    h(
      'p',
      { class: 'muted' },
      'Facts come from public reporting on the talks; they are context, not predictions. Cards marked as fiction are invented for the game.',
    ),
    // The documents behind the history, so a class can check a claim against its source.
    h(
      'details',
      { class: 'sources' },
      h('summary', {}, 'Sources'),
      h(
        'ul',
        {},
        spec.sources.map((x) => h('li', {}, describeSource(x))),
      ),
    ),
    go(false),
  );
}
