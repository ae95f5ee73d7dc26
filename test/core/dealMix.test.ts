// simulate's deal mix: the most frequent signed packages and, per issue, the share of deals that
// chose each option.
import { describe, expect, test } from 'vitest';
import { dealMix, issueMixMarkdown } from '../../src/core/dealMix';
import type { Package } from '../../src/core/level/level';
import { mini } from './helpers';

describe('dealMix', () => {
  const level = mini();
  const ids = (pkg: Package) =>
    Object.fromEntries(level.issues.map((issue, i) => [issue.id, issue.options[pkg[i]!]!.id]));
  const first: Package = level.issues.map(() => 0);
  const last: Package = level.issues.map((issue) => issue.options.length - 1);

  test('topDeals lists signed packages by count, most frequent first, with issue and option ids', () => {
    const mix = dealMix(level, [first, last, last, first, last]);
    expect(mix.topDeals).toEqual([
      { package: ids(last), count: 3 },
      { package: ids(first), count: 2 },
    ]);
  });

  test('topDeals breaks ties by the first signing, and keeps at most `top` packages', () => {
    expect(dealMix(level, [first, last]).topDeals.map((d) => d.package)).toEqual([
      ids(first),
      ids(last),
    ]);
    expect(dealMix(level, [first, last], 1).topDeals).toHaveLength(1);
  });

  test('issueMix gives every option of every issue its share of the deals', () => {
    const mix = dealMix(level, [first, last, last, last]);
    for (const issue of level.issues) {
      const shares = mix.issueMix[issue.id]!;
      expect(Object.keys(shares)).toEqual(issue.options.map((o) => o.id));
      expect(shares[issue.options[0]!.id]).toBe(0.25);
      expect(shares[issue.options.at(-1)!.id]).toBe(0.75);
      expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
  });

  test('no deals: no top deals and every share 0', () => {
    const mix = dealMix(level, []);
    expect(mix.topDeals).toEqual([]);
    for (const shares of Object.values(mix.issueMix))
      for (const share of Object.values(shares)) expect(share).toBe(0);
  });

  test('issueMixMarkdown prints one table row per issue with each option and its share', () => {
    const text = issueMixMarkdown(level, dealMix(level, [first, last, last, last]), '`mini`');
    const rows = text
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| issue'));
    expect(rows.slice(1)).toHaveLength(level.issues.length);
    const firstIssue = level.issues[0]!;
    expect(text).toContain(`${firstIssue.options[0]!.name} 25%`);
    expect(text).toContain(`${firstIssue.options.at(-1)!.name} 75%`);
    expect(text).toContain('4 deals');
  });
});
