// Part 3c, the class at a glance: labelled bar charts whose numbers are text and whose bars are
// only decoration. The figures come from teacherData's `classStats` through the selector.
import { h } from '../dom';

export interface BarProps {
  readonly label: string;
  /** 0–1: the bar's length. */
  readonly fraction: number;
  readonly value: string;
}

export interface ChartsProps {
  /** Games counted; 0 shows a placeholder. */
  readonly counted: number;
  readonly outcomes: readonly BarProps[];
  readonly seats: readonly BarProps[];
  /** Per seat the class played: what one person there would score on this seed, by approach. */
  readonly yardsticks: readonly { readonly seat: string; readonly text: string }[];
  readonly termsTitle: string;
  /** "2 results are from another level…", or null. */
  readonly otherLevel: string | null;
  /** Null when no deal was signed. */
  readonly terms: readonly { readonly issue: string; readonly bars: readonly BarProps[] }[] | null;
}

export function bars(title: string, rows: readonly BarProps[]): HTMLElement {
  return h(
    'ul',
    { class: 'tc-bars', 'aria-label': title },
    rows.map((row) =>
      h(
        'li',
        {},
        h('span', { class: 'tc-bar-label' }, row.label),
        h(
          'span',
          { class: 'tc-track', 'aria-hidden': 'true' },
          h('span', {
            class: 'tc-bar',
            style: `width: ${Math.max(0, Math.min(100, Math.round(row.fraction * 100)))}%`,
          }),
        ),
        h('span', { class: 'tc-bar-value' }, row.value),
      ),
    ),
  );
}

export function render(props: ChartsProps): HTMLElement {
  if (props.counted === 0)
    return h(
      'div',
      { class: 'tc-charts' },
      h('p', { class: 'muted' }, 'Charts appear when codes are verified.'),
    );
  return h(
    'div',
    { class: 'tc-charts' },
    h(
      'figure',
      { class: 'tc-chart' },
      h('figcaption', {}, `Outcomes (${props.counted} games)`),
      bars('Outcomes', props.outcomes),
    ),
    h(
      'figure',
      { class: 'tc-chart' },
      h('figcaption', {}, 'Mean score by seat (0–100)'),
      bars('Mean score by seat', props.seats),
      props.yardsticks.length === 0
        ? null
        : h(
            'div',
            { class: 'tc-yardsticks', 'aria-live': 'polite' },
            h(
              'p',
              { class: 'muted' },
              'Yardsticks: the same seed played by one person at the seat against the computers, one game per approach (so luck counts):',
            ),
            h(
              'ul',
              {},
              props.yardsticks.map((y) => h('li', {}, h('strong', {}, `${y.seat}: `), y.text)),
            ),
          ),
    ),
    h(
      'figure',
      { class: 'tc-chart tc-chart-wide' },
      h('figcaption', {}, props.termsTitle),
      props.otherLevel === null ? null : h('p', { class: 'muted' }, props.otherLevel),
      props.terms === null
        ? h('p', { class: 'muted' }, 'No deal was signed.')
        : props.terms.map((t) =>
            h(
              'div',
              { class: 'tc-term' },
              h('h4', {}, t.issue),
              bars(`How often each option of ${t.issue} was agreed`, t.bars),
            ),
          ),
    ),
  );
}
