// Small pieces several screens share: labelled fields, terms of a package, weight bars.
import type { Level, Package } from '../core/level/level';
import { PARTIES, type ByParty } from '../core/parties';
import { seedFrom } from '../core/seed';
import type { Mood, SeatView } from '../core/seatView';
import type { Proposal, Response } from '../core/state';
import { h, percent } from './dom';

export const MOOD_WORDS: Record<Mood, string> = {
  pleased: 'likely to accept',
  neutral: 'undecided',
  uneasy: 'reluctant',
  angry: 'will refuse',
};

/** A labelled form control. */
export const field = (
  id: string,
  label: string,
  control: HTMLElement,
  ...more: (HTMLElement | null)[]
): HTMLElement => h('div', { class: 'field' }, h('label', { for: id }, label), control, ...more);

/** A fresh random seed from the browser's crypto source. */
export const freshSeed = (): string =>
  seedFrom((bound) => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    return buf[0]! % bound;
  });

/** The terms of a package, one line per issue. */
/** The level's public risk that a round without a deal ends the talks, as a short clause. */
export const breakdownNote = (risk: number | undefined): string =>
  risk ? ` · talks may break down: ${Math.round(risk * 100)}% after each round without a deal` : '';

export const termsList = (level: Level, pkg: Package): HTMLElement =>
  h(
    'ul',
    { class: 'terms' },
    level.issues.map((issue, i) =>
      h('li', {}, h('span', {}, issue.name), h('strong', {}, issue.options[pkg[i]!]!.name)),
    ),
  );

/** Bars for normalised weights, one per issue. */
export function weightBars(level: Level, weights: readonly number[]): HTMLElement {
  const max = Math.max(...weights);
  return h(
    'ul',
    { class: 'bars' },
    level.issues.map((issue, i) =>
      h(
        'li',
        {},
        h('span', { class: 'bar-label' }, issue.name),
        h('span', {
          class: 'bar',
          role: 'img',
          style: `--w:${Math.round((100 * weights[i]!) / max)}%`,
          'aria-label': `${percent(weights[i]!)}% of the weight`,
        }),
      ),
    ),
  );
}

/** Who accepted and who refused the package on the table, with what they said. */
export const responsesList = (
  level: Level,
  proposal: Proposal,
  responses: Partial<ByParty<Response>>,
): HTMLElement =>
  h(
    'ul',
    { class: 'responses' },
    PARTIES.filter((p) => p !== proposal.proposer && responses[p]).map((p) =>
      h(
        'li',
        { class: responses[p]!.accept ? 'accept' : 'reject' },
        h(
          'strong',
          {},
          `${level.parties[p].spec.name} ${responses[p]!.accept ? 'accepts' : 'rejects'}: `,
        ),
        responses[p]!.says,
      ),
    ),
  );

/** The private half of a role card: what matters to the seat, and its red lines. */
export const ownPriorities = (level: Level, view: SeatView): HTMLElement[] => [
  h('h3', {}, 'What matters to you'),
  weightBars(level, view.you.weights),
  h('h3', {}, 'Your red lines'),
  h(
    'ul',
    {},
    view.you.redLines.map((r) =>
      h('li', {}, h('strong', {}, r.hard ? 'Hard: ' : 'Firm: '), r.says),
    ),
  ),
];
