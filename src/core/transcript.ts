// Plain-language records of a game, shared by the game log, the CLI and the debrief.
import type { Level } from './level/level';
import { packageToRecord } from './level/level';
import { PARTIES, type ByParty, type Party } from './parties';
import type { GameState, OutcomeKind, Response, RoundRecord, SideMove } from './state';

export const OUTCOME_WORDS: Record<OutcomeKind, string> = {
  lasting: 'Lasting peace',
  uneasy: 'Uneasy peace',
  renewedWar: 'Renewed war',
  noDeal: 'No deal',
};

/** The ending's name in this level: its own word where the default does not fit its period. */
export const outcomeWord = (level: Level, kind: OutcomeKind): string =>
  level.spec.outcomeNames?.[kind] ?? OUTCOME_WORDS[kind];

export const partyName = (level: Level, party: Party): string => level.parties[party].spec.name;

export function describeSideMove(level: Level, party: Party, move: SideMove): string {
  const who = partyName(level, party);
  switch (move.kind) {
    case 'pass':
      return `${who} passes.`;
    case 'pressure':
      return `${who} puts pressure on ${partyName(level, move.target)}.`;
    case 'incentive':
      return `${who} offers ${partyName(level, move.target)} an incentive.`;
    case 'commitment':
      return `${who} commits in public on ${level.issues[move.issue]!.name}.`;
  }
}

export interface TranscriptRound {
  readonly round: number;
  readonly proposer: Party;
  readonly package: Record<string, string>;
  readonly responses: Partial<ByParty<{ accept: boolean; says: string; redLine?: string }>>;
  readonly sideMoves: Partial<ByParty<string>>;
  readonly event: string | null;
}

const responseRecord = (r: Response) => ({
  accept: r.accept,
  says: r.says,
  ...(r.redLine !== undefined ? { redLine: r.redLine } : {}),
});

export function transcriptRound(level: Level, record: RoundRecord): TranscriptRound {
  const responses: TranscriptRound['responses'] = {};
  const sideMoves: TranscriptRound['sideMoves'] = {};
  for (const party of PARTIES) {
    const r = record.responses[party];
    if (r) responses[party] = responseRecord(r);
    const m = record.sideMoves[party];
    if (m) sideMoves[party] = m.kind === 'pass' ? 'pass' : describeSideMove(level, party, m);
  }
  return {
    round: record.round,
    proposer: record.proposal.proposer,
    package: packageToRecord(level, record.proposal.package),
    responses,
    sideMoves,
    event: record.event === null ? null : level.events[record.event]!.title,
  };
}

export const transcript = (level: Level, game: GameState): TranscriptRound[] =>
  game.history.map((record) => transcriptRound(level, record));

export interface LogEntry {
  readonly round: number;
  readonly kind: 'proposal' | 'response' | 'sideMove' | 'event' | 'outcome';
  readonly party: Party | null;
  readonly text: string;
}

/**
 * The parties of a round's answers or side moves in the order they were made (the order the
 * record's keys were added: computers before people), so that the log reads as the round went
 * and a new entry only ever comes last.
 */
const inOrderGiven = (byParty: Partial<Record<Party, unknown>>): Party[] =>
  (Object.keys(byParty) as Party[]).filter((p) => PARTIES.includes(p));

/** The log entries of one round: its proposal, answers, side moves and news. */
function roundEntries(level: Level, record: RoundRecord): LogEntry[] {
  const entries: LogEntry[] = [];
  const { round, proposal } = record;
  const terms = level.issues
    .map((issue, i) => `${issue.name}: ${issue.options[proposal.package[i]!]!.name}`)
    .join('; ');
  entries.push({
    round,
    kind: 'proposal',
    party: proposal.proposer,
    text: `${partyName(level, proposal.proposer)} proposes: ${terms}.`,
  });
  for (const party of inOrderGiven(record.responses)) {
    const r = record.responses[party];
    if (r && party !== proposal.proposer)
      entries.push({
        round,
        kind: 'response',
        party,
        text: `${partyName(level, party)} ${r.accept ? 'accepts' : 'rejects'}: “${r.says}”`,
      });
  }
  for (const party of inOrderGiven(record.sideMoves)) {
    const m = record.sideMoves[party];
    if (m && m.kind !== 'pass')
      entries.push({ round, kind: 'sideMove', party, text: describeSideMove(level, party, m) });
  }
  if (record.event !== null) {
    const card = level.events[record.event]!;
    entries.push({ round, kind: 'event', party: null, text: `News: ${card.title}. ${card.text}` });
  }
  return entries;
}

/**
 * Finished rounds never change, and each new state shares its history's records with the last:
 * their entries are built once (keyed by the immutable record; no clock, no randomness).
 */
const finishedRounds = new WeakMap<RoundRecord, { level: Level; entries: readonly LogEntry[] }>();
function finishedRoundEntries(level: Level, record: RoundRecord): readonly LogEntry[] {
  const known = finishedRounds.get(record);
  if (known?.level === level) return known.entries;
  const entries = roundEntries(level, record);
  finishedRounds.set(record, { level, entries });
  return entries;
}

/** Every proposal, response, side move and event so far, oldest first. */
export function gameLog(level: Level, game: GameState): LogEntry[] {
  const log: LogEntry[] = [];
  for (const record of game.history) log.push(...finishedRoundEntries(level, record));
  if (game.table && !game.outcome)
    log.push(
      ...roundEntries(level, {
        round: game.round,
        proposal: game.table,
        responses: game.responses,
        sideMoves: game.sideMoves,
        event: null,
      }),
    );
  if (game.outcome) {
    const o = game.outcome;
    log.push({
      round: game.round,
      kind: 'outcome',
      party: null,
      text: o.deal
        ? `The deal is signed. The stress test ends in ${outcomeWord(level, o.kind).toLowerCase()}.`
        : o.brokeDown
          ? 'The talks break down before the deadline, with no deal.'
          : 'The deadline passes. The talks collapse with no deal.',
    });
  }
  return log;
}
