// Debrief figures: the stress-test timeline and the Pareto frontier chart.
import type { Analysis } from '../../core/analysis';
import { PARTIES } from '../../core/parties';
import { h, s } from '../dom';

export function timeline(
  years: readonly { year: number; probe: boolean; held: boolean; note: string }[],
): HTMLElement {
  return h(
    'div',
    { class: 'timeline' },
    h('h2', {}, 'The stress test, year by year'),
    h(
      'ol',
      {},
      years.map((y) =>
        h(
          'li',
          { class: y.probe ? (y.held ? 'held' : 'breach') : 'quiet' },
          h('strong', {}, String(y.year)),
          ` ${y.note}`,
        ),
      ),
    ),
  );
}

export function frontierChart(analysis: Analysis): HTMLElement {
  // Russia's utility across, Ukraine's up: the two sides whose trade-off decides the deal.
  const x = PARTIES.indexOf('russia');
  const y = PARTIES.indexOf('ukraine');
  const size = 320;
  const pad = 36;
  const px = (u: number) => pad + Math.max(0, Math.min(1, u)) * (size - 2 * pad);
  const py = (u: number) => size - pad - Math.max(0, Math.min(1, u)) * (size - 2 * pad);
  const svg = s('svg', {
    viewBox: `0 0 ${size} ${size}`,
    class: 'chart',
    role: 'img',
    'aria-labelledby': 'chart-desc',
  });
  svg.append(
    s('rect', { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad, class: 'plot' }),
    s('text', { x: size / 2, y: size - 6, 'text-anchor': 'middle' }, "Russia's utility →"),
    s(
      'text',
      { x: 12, y: size / 2, transform: `rotate(-90 12 ${size / 2})`, 'text-anchor': 'middle' },
      "Ukraine's utility →",
    ),
  );
  for (const p of analysis.frontier)
    svg.append(
      s('circle', {
        cx: px(p.utilities[x]!),
        cy: py(p.utilities[y]!),
        r: 2.5,
        class: 'frontier',
      }),
    );
  const mark = (p: { utilities: readonly number[] } | null, cls: string, label: string) => {
    if (!p) return;
    svg.append(
      s('circle', { cx: px(p.utilities[x]!), cy: py(p.utilities[y]!), r: 7, class: cls }),
      s(
        'text',
        { x: px(p.utilities[x]!) + 9, y: py(p.utilities[y]!) - 6, class: `${cls}-label` },
        label,
      ),
    );
  };
  mark(analysis.maxTotal, 'max-total', 'best total');
  mark(analysis.nash, 'nash', 'Nash');
  mark({ utilities: analysis.reservations }, 'batna', 'no deal (BATNAs)');
  mark(analysis.deal, 'deal', 'the deal');
  const d = analysis.distances;
  return h(
    'figure',
    { class: 'frontier-figure' },
    svg,
    h(
      'figcaption',
      { id: 'chart-desc' },
      `${analysis.frontier.length} packages are Pareto-efficient among ${analysis.feasibleCount} that cross no hard red line. `,
      d
        ? `Your deal is ${d.frontier.toFixed(2)} from the frontier, ${d.nash === null ? 'with no Nash point' : `${d.nash.toFixed(2)} from the Nash bargaining point`}, and ${d.maxTotal.toFixed(2)} from the best total outcome (distances in utility, 0–2).`
        : 'No deal was signed, so every party got its BATNA.',
    ),
  );
}
