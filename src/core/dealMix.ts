// What the signed deals of a series of games look like: the most frequent packages and, per issue,
// the share of deals that chose each option. A teacher reads it to see what a level produces
// without playing it (printed by `simulate --json` and `simulate --markdown`).
import { packageToRecord, type Level, type Package } from './level/level';

export interface TopDeal {
  /** Issue id → option id, in the level's issue order. */
  readonly package: Record<string, string>;
  readonly count: number;
}

/** Issue id → option id → share of the deals (0..1, three decimals) that chose the option. */
export type IssueMix = Record<string, Record<string, number>>;

export interface DealMix {
  readonly deals: number;
  readonly topDeals: readonly TopDeal[];
  readonly issueMix: IssueMix;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The deal mix of signed packages. Ties in `topDeals` keep the order in which the packages were
 * first signed, so the same series always prints the same list.
 */
export function dealMix(level: Level, deals: readonly Package[], top = 10): DealMix {
  const counts = new Map<string, { pkg: Package; count: number }>();
  for (const pkg of deals) {
    const key = pkg.join('.');
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { pkg, count: 1 });
  }
  const topDeals = [...counts.values()]
    .map((entry, order) => ({ ...entry, order }))
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, top)
    .map(({ pkg, count }) => ({ package: packageToRecord(level, pkg), count }));

  const issueMix: IssueMix = {};
  level.issues.forEach((issue, i) => {
    const chosen = issue.options.map(() => 0);
    for (const pkg of deals) chosen[pkg[i]!]!++;
    issueMix[issue.id] = Object.fromEntries(
      issue.options.map((option, o) => [
        option.id,
        deals.length ? round3(chosen[o]! / deals.length) : 0,
      ]),
    );
  });
  return { deals: deals.length, topDeals, issueMix };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
// A `|` inside a cell would split it: option names are free text.
const cell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The issue mix as a markdown table, one row per issue, options weakest first with their share of
 * the deals, for the table per level in levels/README.md.
 */
export function issueMixMarkdown(level: Level, mix: DealMix, heading: string): string {
  const rows = level.issues.map((issue) => {
    const shares = issue.options
      .map((option) => `${cell(option.name)} ${percent(mix.issueMix[issue.id]?.[option.id] ?? 0)}`)
      .join(' · ');
    return `| ${cell(issue.name)} (\`${issue.id}\`) | ${shares} |`;
  });
  return [
    `#### ${heading}`,
    '',
    `${mix.deals} deal${mix.deals === 1 ? '' : 's'}; share of the deals that chose each option (weakest first).`,
    '',
    '| issue | options |',
    '| --- | --- |',
    ...rows,
  ].join('\n');
}
