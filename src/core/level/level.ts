import { PARTIES, byParty, type ByParty, type Party } from '../parties';
import type {
  EventSpec,
  IssueSpec,
  LevelSpec,
  OptionSetSpec,
  PartySpecT,
  RedLineSpec,
} from './schema';

/** A package assigns one option index to every issue, in the level's issue order. */
export type Package = readonly number[];

export interface RedLine {
  readonly id: string;
  readonly index: number;
  readonly kind: RedLineSpec['kind'];
  readonly hard: boolean;
  readonly penalty: number;
  readonly softening: number;
  readonly says: string;
  readonly public: boolean;
  /** Issue indices the red line talks about, for explanations. */
  readonly issues: readonly number[];
  readonly crosses: (pkg: Package) => boolean;
  /** Bit of this red line in the per-package firm mask (firm lines only), else -1. */
  readonly firmBit: number;
}

export interface PartyModel {
  readonly party: Party;
  readonly spec: PartySpecT;
  /** Raw weights per issue (positive, not normalised). */
  readonly weights: readonly number[];
  /** values[issue][option] in 0..1. */
  readonly values: readonly (readonly number[])[];
  readonly redLines: readonly RedLine[];
  readonly priorities: readonly number[];
}

export interface Level {
  readonly id: string;
  readonly spec: LevelSpec;
  readonly issues: readonly IssueSpec[];
  readonly radices: readonly number[];
  readonly packageCount: number;
  readonly parties: ByParty<PartyModel>;
  readonly turnOrder: readonly Party[];
  readonly events: readonly EventSpec[];
  /** Option strengths per issue (0..1) for the stress test. */
  readonly strengths: readonly (readonly number[])[];
  /** Flat table: digits of package n are digits[n*I .. n*I+I). */
  readonly digits: Uint8Array;
  /** Like digits, but each entry is the option's index in a flat per-option table. */
  readonly cells: Uint16Array;
  /** Start of each issue's options in a flat per-option table. */
  readonly offsets: readonly number[];
  /** Number of options over all issues (length of a flat per-option table). */
  readonly optionCount: number;
  /** Per party: 1 where the package crosses one of that party's hard red lines. */
  readonly hardVeto: ByParty<Uint8Array>;
  /** Per party: bit k set where the package crosses that party's k-th firm red line. */
  readonly firmMask: ByParty<Uint16Array>;
  /** Indices of the packages no party vetoes. */
  readonly feasible: Int32Array;
  readonly feasibleCount: number;
}

function optionBits(issue: IssueSpec, ids: readonly string[]): number {
  let bits = 0;
  for (const id of ids) bits |= 1 << issue.options.findIndex((o) => o.id === id);
  return bits;
}

function compileRedLine(
  issues: readonly IssueSpec[],
  spec: RedLineSpec,
  index: number,
  firmBit: number,
): RedLine {
  const at = (set: OptionSetSpec) => {
    const i = issues.findIndex((issue) => issue.id === set.issue);
    return { i, bits: optionBits(issues[i]!, set.options) };
  };
  let crosses: (pkg: Package) => boolean;
  let involved: number[];
  if (spec.kind === 'forbid') {
    const { i, bits } = at(spec);
    crosses = (pkg) => ((bits >> pkg[i]!) & 1) === 1;
    involved = [i];
  } else if (spec.kind === 'requires') {
    const cond = at(spec.if);
    const need = at(spec.then);
    crosses = (pkg) =>
      ((cond.bits >> pkg[cond.i]!) & 1) === 1 && ((need.bits >> pkg[need.i]!) & 1) === 0;
    involved = [cond.i, need.i];
  } else {
    const sets = spec.any.map(at);
    crosses = (pkg) => !sets.some(({ i, bits }) => ((bits >> pkg[i]!) & 1) === 1);
    involved = sets.map((s) => s.i);
  }
  return {
    id: spec.id,
    index,
    kind: spec.kind,
    hard: spec.strength === 'hard',
    penalty: spec.strength === 'hard' ? 0 : (spec.penalty ?? 0),
    softening: spec.softening ?? 0.25,
    says: spec.says,
    public: spec.public ?? true,
    issues: [...new Set(involved)],
    crosses,
    firmBit,
  };
}

function buildParty(issues: readonly IssueSpec[], party: Party, spec: PartySpecT): PartyModel {
  let firm = 0;
  return {
    party,
    spec,
    weights: issues.map((issue) => spec.weights[issue.id]!),
    values: issues.map((issue) => issue.options.map((o) => spec.values[issue.id]![o.id]! / 100)),
    redLines: spec.redLines.map((line, k) =>
      compileRedLine(issues, line, k, line.strength === 'firm' ? firm++ : -1),
    ),
    priorities: spec.priorities.map((id) => issues.findIndex((issue) => issue.id === id)),
  };
}

/** A red line's verdict (1 = crossed) on each combination of the options of the issues it reads. */
function crossingTable(line: RedLine, radices: readonly number[], party: Party) {
  const issues = line.issues;
  const crossed = new Uint8Array(issues.reduce((n, i) => n * radices[i]!, 1));
  const probe = radices.map(() => 0);
  for (let key = 0; key < crossed.length; key++) {
    let rest = key;
    for (let j = issues.length - 1; j >= 0; j--) {
      const i = issues[j]!;
      probe[i] = rest % radices[i]!;
      rest = Math.floor(rest / radices[i]!);
    }
    crossed[key] = line.crosses(probe) ? 1 : 0;
  }
  return { party, line, issues, crossed };
}

/** Compiles a validated level spec. Cross-references must already have been checked. */
export function buildLevel(spec: LevelSpec): Level {
  const issues = spec.issues;
  const radices = issues.map((issue) => issue.options.length);
  const count = radices.reduce((a, b) => a * b, 1);
  const parties = byParty((party) => buildParty(issues, party, spec.parties[party]));
  const width = issues.length;
  const offsets = radices.map((_, i) => radices.slice(0, i).reduce((a, b) => a + b, 0));
  const digits = new Uint8Array(count * width);
  const cells = new Uint16Array(count * width);
  const hardVeto = byParty(() => new Uint8Array(count));
  const firmMask = byParty(() => new Uint16Array(count));
  const feasibleList: number[] = [];
  // Each red line reads one to three issues: its verdict on every combination of their options is
  // worked out once, and each package looks its combination up. Calling every line on every package
  // made building coalition's 46,080 packages a large part of the page's start-up.
  const lines = PARTIES.flatMap((party) =>
    parties[party].redLines.map((line) => crossingTable(line, radices, party)),
  );
  // The packages in order, counted like an odometer in one reused array.
  const pkg = new Array<number>(width).fill(0);
  for (let n = 0, base = 0; n < count; n++, base += width) {
    for (let i = 0; i < width; i++) {
      digits[base + i] = pkg[i]!;
      cells[base + i] = offsets[i]! + pkg[i]!;
    }
    let vetoed = false;
    for (const { party, line, issues, crossed } of lines) {
      let key = 0;
      for (const i of issues) key = key * radices[i]! + pkg[i]!;
      if (crossed[key] === 0) continue;
      if (line.hard) {
        hardVeto[party][n] = 1;
        vetoed = true;
      } else firmMask[party][n]! |= 1 << line.firmBit;
    }
    if (!vetoed) feasibleList.push(n);
    for (let i = width - 1; i >= 0; i--) {
      if (++pkg[i]! < radices[i]!) break;
      pkg[i] = 0;
    }
  }
  return {
    id: spec.id,
    spec,
    issues,
    radices,
    packageCount: count,
    parties,
    turnOrder: spec.turnOrder ?? PARTIES,
    events: spec.events,
    strengths: issues.map((issue) =>
      issue.options.map((o, k) => o.strength ?? k / (issue.options.length - 1)),
    ),
    digits,
    cells,
    offsets,
    optionCount: radices.reduce((a, b) => a + b, 0),
    hardVeto,
    firmMask,
    feasible: Int32Array.from(feasibleList),
    feasibleCount: feasibleList.length,
  };
}

export const packageAt = (level: Level, n: number): number[] => {
  const width = level.issues.length;
  return Array.from(level.digits.subarray(n * width, n * width + width));
};

export function packageIndex(level: Level, pkg: Package): number {
  let n = 0;
  for (let i = 0; i < level.radices.length; i++) n = n * level.radices[i]! + pkg[i]!;
  return n;
}

/** Checks a package has one valid option per issue. */
export const isPackage = (level: Level, pkg: readonly number[]): boolean =>
  pkg.length === level.issues.length &&
  pkg.every((o, i) => Number.isInteger(o) && o >= 0 && o < level.radices[i]!);

export const packageToRecord = (level: Level, pkg: Package): Record<string, string> =>
  Object.fromEntries(level.issues.map((issue, i) => [issue.id, issue.options[pkg[i]!]!.id]));
