// The three controls of play: the package builder, the answer to a package, the side move. Each
// offers only what the core says is legal, and has a place for the reason of a refused move.
import type { Level, Package } from '../../core/level/level';
import { PARTIES, type Party } from '../../core/parties';
import type { PackageAssessment, SeatView } from '../../core/seatView';
import type { SideMove, SideMoveKind } from '../../core/state';
import { append, h, percent } from '../dom';
import { MOOD_WORDS, field } from '../widgets';
import type { Intents } from './types';

/** Where the reason for a refused move appears, next to the control that made it. */
export const moveError = (): HTMLElement =>
  h('p', { class: 'error move-error', role: 'alert', 'data-move-error': true });

let draft: { key: string; values: number[] } | null = null;

export function builder(
  level: Level,
  view: SeatView,
  assess: (pkg: Package) => PackageAssessment,
  hint: string | null,
  intents: Intents,
): HTMLElement {
  const key = `${level.id}|${view.seat}`;
  if (!draft || draft.key !== key)
    draft = { key, values: level.issues.map((issue) => Math.floor(issue.options.length / 2)) };
  const values = draft.values;
  const assessment = h('div', { class: 'assessment', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Table this package');
  const refresh = () => {
    const a = assess(values);
    submit.disabled = a.refusal !== null;
    assessment.replaceChildren();
    append(assessment, [
      h(
        'p',
        {},
        `Worth ${percent(a.utility)} to you; no deal is worth ${percent(view.you.reservation)} (your BATNA). Credibility ${a.credibility}/100.`,
      ),
      a.refusal ? h('p', { class: 'error' }, `You cannot table this: ${a.refusal}`) : null,
      a.crosses.length
        ? h(
            'ul',
            { class: 'crosses' },
            a.crosses.map((c) =>
              h(
                'li',
                {},
                `Crosses ${level.parties[c.party].spec.name}'s ${c.hard ? 'hard' : 'firm'} red line: ${c.says}`,
              ),
            ),
          )
        : h('p', {}, 'Crosses no known red line.'),
      h(
        'ul',
        { class: 'moods' },
        PARTIES.filter((p) => p !== view.seat).map((p) =>
          h('li', {}, `${level.parties[p].spec.name}: ${MOOD_WORDS[a.moods[p] ?? 'neutral']}`),
        ),
      ),
    ]);
  };
  const form = h(
    'form',
    { class: 'builder', 'aria-labelledby': 'builder-title' },
    h('h2', { id: 'builder-title' }, 'Your turn: build a package'),
    hint ? h('p', { class: 'hint' }, hint) : null,
    level.issues.map((issue, i) => {
      const select = h(
        'select',
        { id: `issue-${issue.id}`, name: issue.id, 'data-autofocus': i === 0 },
        issue.options.map((o, k) => h('option', { value: k, selected: k === values[i] }, o.name)),
      );
      select.addEventListener('change', () => {
        values[i] = Number(select.value);
        refresh();
      });
      return field(`issue-${issue.id}`, issue.name, select);
    }),
    assessment,
    submit,
    moveError(),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    intents.move({ type: 'PROPOSE', party: view.seat, package: [...values] });
  });
  refresh();
  return form;
}

export function respondPanel(
  level: Level,
  view: SeatView,
  assessment: PackageAssessment,
  hint: string | null,
  intents: Intents,
): HTMLElement {
  const own = assessment.crosses.filter((c) => c.party === view.seat);
  const table = view.table!.package;
  // Citing a red line is the person's choice: a private line stays private unless cited.
  const citable = own.map((c) => ({
    ...c,
    index: view.you.redLines.findIndex((l) => l.id === c.id),
  }));
  const cite = h(
    'select',
    { id: 'respond-cite' },
    h('option', { value: '' }, 'Cite no red line'),
    citable.map((c) => h('option', { value: String(c.index) }, `Cite: ${c.says}`)),
  );
  // A counter-proposal: the package on the table with one or two issues changed.
  const counter = level.issues.map((issue, i) => {
    const select = h(
      'select',
      { id: `counter-${issue.id}`, 'data-issue': i },
      issue.options.map((option, o) => h('option', { value: String(o) }, option.name)),
    );
    select.value = String(table[i]);
    return select;
  });
  const reject = () => {
    const amend = counter.flatMap((select, issue) =>
      Number(select.value) === table[issue] ? [] : [{ issue, option: Number(select.value) }],
    );
    intents.move({
      type: 'RESPOND',
      party: view.seat,
      accept: false,
      ...(cite.value !== '' ? { cite: Number(cite.value) } : {}),
      ...(amend.length > 0 ? { amend } : {}),
    });
  };
  return h(
    'div',
    { class: 'respond', role: 'group', 'aria-labelledby': 'respond-title' },
    h('h2', { id: 'respond-title' }, 'Do you accept this package?'),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h(
      'p',
      {},
      `Worth ${percent(assessment.utility)} to you; no deal is worth ${percent(view.you.reservation)} (your BATNA). Credibility ${assessment.credibility}/100.`,
    ),
    own.map((c) =>
      h(
        'p',
        { class: 'error' },
        `It crosses your ${c.hard ? 'hard' : 'firm'} red line: ${c.says}${c.hard ? ' You cannot accept it.' : ''}`,
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          class: 'primary',
          'data-autofocus': view.mayAccept,
          disabled: !view.mayAccept,
          onclick: () => intents.move({ type: 'RESPOND', party: view.seat, accept: true }),
        },
        'Accept',
      ),
      h('button', { onclick: reject }, 'Reject'),
    ),
    h(
      'details',
      { class: 'counter' },
      h('summary', {}, 'Reject with a counter-proposal or a red line'),
      h(
        'p',
        { class: 'muted' },
        'Change one or two issues of the package on the table: if nobody signs this round, your counter-proposal is tabled next. Citing a red line tells everyone why you refuse, and reveals it.',
      ),
      citable.length > 0 ? field('respond-cite', 'Red line', cite) : null,
      level.issues.map((issue, i) => field(`counter-${issue.id}`, issue.name, counter[i]!)),
      h(
        'button',
        { type: 'button', id: 'counter-reject', onclick: reject },
        'Reject with these changes',
      ),
    ),
    moveError(),
  );
}

const LEVERS: readonly { kind: SideMoveKind; label: string; help: string }[] = [
  { kind: 'pass', label: 'Pass', help: 'keep your powder dry.' },
  {
    kind: 'pressure',
    label: 'Pressure',
    help: 'weakens the target’s alternatives and softens its firm red lines; costs you a little goodwill.',
  },
  {
    kind: 'incentive',
    label: 'Incentive',
    help: 'makes any deal worth more to the target, at a cost to you.',
  },
  {
    kind: 'commitment',
    label: 'Public commitment',
    help: 'you hold firmer on one issue, and everyone knows it.',
  },
];

/** The side-move panel: only the levers, targets and issues the core lists as legal now. */
export function sideMovePanel(
  level: Level,
  view: SeatView,
  hint: string | null,
  intents: Intents,
): HTMLElement {
  const legal = view.legalSideMoves;
  const targetsFor = (kind: SideMoveKind): Party[] =>
    legal.flatMap((m) => (m.kind === kind && 'target' in m ? [m.target] : []));
  const issues = legal.flatMap((m) => (m.kind === 'commitment' ? [m.issue] : []));
  const levers = LEVERS.filter((l) => legal.some((m) => m.kind === l.kind));
  const target = h('select', { id: 'side-target', name: 'target' });
  const issue = h(
    'select',
    { id: 'side-issue', name: 'issue', disabled: true },
    issues.map((i) => h('option', { value: i }, level.issues[i]!.name)),
  );
  const chosen = (): SideMoveKind =>
    levers.find((l) => l.kind === new FormData(form).get('kind'))?.kind ?? 'pass';
  const sync = () => {
    const kind = chosen();
    const targets = kind === 'pressure' || kind === 'incentive' ? targetsFor(kind) : [];
    const keep = target.value;
    target.replaceChildren(
      ...targets.map((p) =>
        h('option', { value: p, selected: p === keep }, level.parties[p].spec.name),
      ),
    );
    target.disabled = targets.length === 0;
    issue.disabled = kind !== 'commitment';
  };
  const form = h(
    'form',
    { class: 'side-moves', 'aria-labelledby': 'side-title' },
    h('h2', { id: 'side-title' }, 'Side move: use one lever or pass'),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h(
      'fieldset',
      {},
      h('legend', {}, 'Lever'),
      levers.map((l, i) =>
        h(
          'label',
          { class: 'choice' },
          h('input', { type: 'radio', name: 'kind', value: l.kind, checked: i === 0 }),
          ' ',
          h('strong', {}, l.label),
          ` — ${l.help}`,
        ),
      ),
    ),
    field('side-target', 'Target (pressure, incentive)', target),
    field('side-issue', 'Issue (commitment)', issue),
    h('button', { type: 'submit', class: 'primary', 'data-autofocus': true }, 'Make the move'),
    moveError(),
  );
  form.addEventListener('change', sync);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const kind = chosen();
    const move: SideMove =
      kind === 'pressure' || kind === 'incentive'
        ? { kind, target: target.value as Party }
        : kind === 'commitment'
          ? { kind, issue: Number(issue.value) }
          : { kind: 'pass' };
    intents.move({ type: 'SIDE_MOVE', party: view.seat, move });
  });
  sync();
  return form;
}
