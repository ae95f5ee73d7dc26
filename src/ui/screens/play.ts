// The play screen: where the talks stand, the control the seat on screen needs now, its role card.
import { h } from '../dom';
import { breakdownNote, ownPriorities, responsesList, termsList } from '../widgets';
import { builder, respondPanel, sideMovePanel } from './panels';
import type { Intents, PlayProps } from './types';

export function render(props: PlayProps, intents: Intents): HTMLElement {
  const { level, view } = props;
  const due = view.waitingFor.includes(view.seat);
  const hint = (phase: 'proposal' | 'responses' | 'sideMoves') =>
    level.spec.hints?.find((x) => x.phase === phase)?.text ?? null;
  let controls: HTMLElement;
  if (due && view.phase === 'proposal')
    controls = builder(level, view, props.assess, hint('proposal'), intents);
  else if (due && view.phase === 'responses' && view.table)
    controls = respondPanel(
      level,
      view,
      props.assess(view.table.package),
      hint('responses'),
      intents,
    );
  else if (due && view.phase === 'sideMoves')
    controls = sideMovePanel(level, view, hint('sideMoves'), intents);
  else
    controls = h(
      'p',
      { class: 'muted', role: 'status' },
      'The other delegations are deliberating…',
    );
  return h(
    'section',
    { class: 'play', 'aria-labelledby': 'play-title' },
    h(
      'h1',
      { id: 'play-title', class: 'status' },
      `Round ${view.round} of ${view.deadline} · you are ${view.you.name}`,
    ),
    h(
      'p',
      { class: 'clock' },
      `${level.spec.pressure.label}: ${view.pressure.toLocaleString('en')} · fortification ${view.fortification}%` +
        breakdownNote(level.spec.breakdownRisk),
    ),
    h(
      'button',
      { id: 'toggle-view', type: 'button', onclick: () => intents.toggleView() },
      props.view3d === 'table' ? 'Show the map (M)' : 'Show the table (M)',
    ),
    view.table
      ? h(
          'div',
          { class: 'on-table' },
          h('h2', {}, `On the table, from ${level.parties[view.table.proposer].spec.name}`),
          termsList(level, view.table.package),
          responsesList(level, view.table, view.responses),
        )
      : null,
    controls,
    h(
      'details',
      { class: 'role-card' },
      h('summary', {}, `Your role card (${view.you.name})`),
      ownPriorities(level, view),
      h('h3', {}, 'What the others have said'),
      h(
        'ul',
        {},
        view.others.map((o) =>
          h(
            'li',
            {},
            h('strong', {}, o.name),
            `: priorities ${o.priorities.join(', ') || 'not stated'}`,
            o.knownRedLines.length
              ? `; red lines: ${o.knownRedLines.map((r) => r.says).join(' ')}`
              : '',
          ),
        ),
      ),
    ),
  );
}
