// Levels built at the engine's limits (and one over each), from mini.json: the limits test plays a
// computer game on each level the checker accepts.
import type { LevelSpec } from '../../src/core/level/schema';
import { PARTIES, type Party } from '../../src/core/parties';
import { miniSpec } from './helpers';

type RedLine = LevelSpec['parties']['us']['redLines'][number];

/** mini.json with its first issue ("force") widened to `count` options. */
export function withOptions(count: number): LevelSpec {
  const spec = miniSpec();
  const issue = spec.issues[0]!;
  issue.options = Array.from({ length: count }, (_, k) => ({ id: `o${k}`, name: `Option ${k}` }));
  for (const party of PARTIES) {
    const values: Record<string, number> = {};
    issue.options.forEach((o, k) => (values[o.id] = Math.round((100 * k) / (count - 1))));
    spec.parties[party].values[issue.id] = party === 'russia' ? invert(values) : values;
  }
  // mini's Russian red line names "brigade", which is gone: forbid the strongest option instead.
  // mini's red lines on "force" name options that are gone.
  for (const party of PARTIES)
    spec.parties[party].redLines = spec.parties[party].redLines.filter(
      (l) => !JSON.stringify(l).includes('"force"'),
    );
  spec.parties.russia.redLines.push({
    id: 'no-top',
    kind: 'forbid',
    issue: issue.id,
    options: [`o${count - 1}`],
    strength: 'hard',
    says: 'Not the strongest.',
  });
  return spec;
}

const invert = (values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, 100 - v]));

/** mini.json where every party has `firm` firm and `hard` hard red lines. */
export function withRedLines(firm: number, hard: number): LevelSpec {
  const spec = miniSpec();
  for (const party of PARTIES)
    spec.parties[party].redLines = withRedLinesOn(spec, party, firm, hard);
  // mini's events soften a red line that is gone; keep the ones that do not.
  spec.events = spec.events.filter((e) => e.effects.every((x) => x.kind !== 'soften'));
  return spec;
}

function withRedLinesOn(spec: LevelSpec, party: Party, firm: number, hard: number): RedLine[] {
  const issues = spec.issues;
  {
    const lines: RedLine[] = [];
    for (let k = 0; k < firm; k++) {
      const issue = issues[k % issues.length]!;
      const option = issue.options[(k + PARTIES.indexOf(party)) % issue.options.length]!;
      lines.push({
        id: `firm-${k}`,
        kind: 'forbid',
        issue: issue.id,
        options: [option.id],
        strength: 'firm',
        penalty: 0.01 + (k % 5) / 100,
        softening: 0.3,
        says: `Firm line ${k}.`,
        public: k % 2 === 0,
      });
    }
    for (let k = 0; k < hard; k++) {
      // "if force is none then sanctions must not be lifted", and variations that leave deals.
      const issue = issues[k % issues.length]!;
      const then = issues[(k + 1) % issues.length]!;
      lines.push({
        id: `hard-${k}`,
        kind: 'requires',
        if: { issue: issue.id, options: [issue.options[0]!.id] },
        then: { issue: then.id, options: then.options.slice(1).map((o) => o.id) },
        strength: 'hard',
        says: `Hard line ${k}.`,
        public: k % 3 !== 0,
      });
    }
    return lines;
  }
}

/** A level of `issues` issues with `options` options each (packages = options ** issues). */
export function withPackages(
  issues: number,
  options: number,
  lastOptions = options,
  firm = 0,
  hard = 0,
): LevelSpec {
  const spec = miniSpec();
  spec.issues = Array.from({ length: issues }, (_, i) => ({
    id: `issue-${i}`,
    name: `Issue ${i}`,
    options: Array.from({ length: i === issues - 1 ? lastOptions : options }, (_, k) => ({
      id: `o${k}`,
      name: `Option ${k}`,
    })),
  }));
  for (const party of PARTIES) {
    const p = spec.parties[party];
    const shift = PARTIES.indexOf(party);
    p.weights = Object.fromEntries(
      spec.issues.map((issue, i) => [issue.id, 1 + ((i + shift) % 3)]),
    );
    p.values = Object.fromEntries(
      spec.issues.map((issue, i) => [
        issue.id,
        Object.fromEntries(
          issue.options.map((o, k) => {
            const v = Math.round((100 * k) / (issue.options.length - 1));
            return [o.id, (i + shift) % 2 === 0 ? v : 100 - v];
          }),
        ),
      ]),
    );
    p.redLines = withRedLinesOn(spec, party, firm, hard);
    p.priorities = [spec.issues[shift % issues]!.id];
  }
  spec.events = [];
  spec.stressTest.credibility = { [spec.issues[0]!.id]: 1 };
  return spec;
}
