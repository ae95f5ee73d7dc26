// Part 3b, the results: a summary line, the export and clear buttons, and one table row per line
// of the list. Every figure here comes from replaying the code (teacherData, core's verifyResult).
import type { OutcomeKind } from '../../core/state';
import { h } from '../dom';

export type RowProps =
  | {
      readonly kind: 'refused';
      readonly line: number;
      readonly name: string;
      readonly reason: string;
      readonly code: string;
    }
  | {
      readonly kind: 'verified';
      readonly line: number;
      readonly name: string;
      readonly notes: readonly string[];
      readonly duplicate: boolean;
      readonly seats: string;
      readonly outcome: OutcomeKind;
      readonly outcomeText: string;
      readonly scores: string;
      readonly rounds: number;
      readonly terms: readonly { readonly issue: string; readonly option: string }[];
    };

export interface ResultsProps {
  readonly summary: string;
  readonly canExport: boolean;
  readonly rows: readonly RowProps[];
}

export interface ResultsIntents {
  readonly exportCsv: () => void;
  readonly clearCodes: () => void;
}

const HEADINGS = ['Line', 'Name', 'Seat', 'Outcome', 'Score', 'Rounds', 'Terms agreed'];

function row(r: RowProps): HTMLTableRowElement {
  if (r.kind === 'refused')
    return h(
      'tr',
      { class: 'tc-refused' },
      h('td', {}, String(r.line)),
      h('td', {}, r.name),
      h(
        'td',
        { colspan: 5 },
        h('strong', {}, 'Refused: '),
        r.reason,
        h('span', { class: 'muted' }, ` (${r.code})`),
      ),
    );
  return h(
    'tr',
    { class: r.duplicate ? 'tc-duplicate' : undefined },
    h('td', {}, String(r.line)),
    h(
      'td',
      {},
      r.name,
      r.notes.map((n) => h('span', { class: 'tc-row-note' }, n)),
    ),
    h('td', {}, r.seats),
    h('td', { class: `tc-outcome-${r.outcome}` }, r.outcomeText),
    h('td', { class: 'tc-num' }, r.scores),
    h('td', { class: 'tc-num' }, String(r.rounds)),
    h(
      'td',
      {},
      r.terms.length === 0
        ? h('span', { class: 'muted' }, 'no deal')
        : h(
            'ul',
            { class: 'tc-terms' },
            r.terms.map((t) =>
              h('li', {}, h('span', { class: 'muted' }, `${t.issue}: `), t.option),
            ),
          ),
    ),
  );
}

export function render(props: ResultsProps, intents: ResultsIntents): HTMLElement {
  return h(
    'div',
    { class: 'tc-results-list' },
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          id: 'tc-export',
          disabled: !props.canExport,
          onclick: () => intents.exportCsv(),
        },
        'Export CSV',
      ),
      h(
        'button',
        { type: 'button', id: 'tc-clear', onclick: () => intents.clearCodes() },
        'Clear the list',
      ),
    ),
    h('p', { class: 'tc-summary', role: 'status', 'aria-live': 'polite' }, props.summary),
    h(
      'div',
      { class: 'tc-table-box' },
      props.rows.length === 0
        ? h('p', { class: 'muted' }, 'Verified results will be listed here.')
        : h(
            'table',
            { class: 'tc-table' },
            h('caption', { class: 'tc-sr' }, 'Results, one row per line of the list'),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                HEADINGS.map((t) => h('th', { scope: 'col' }, t)),
              ),
            ),
            h('tbody', {}, props.rows.map(row)),
          ),
    ),
  );
}
