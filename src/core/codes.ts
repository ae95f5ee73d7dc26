// Result codes, daily seeds, share cards and game links: how a game travels without a server.
//
// A result code is `<version>.<body>.<check>`:
// - `version` is GAME_VERSION, readable before anything else, so a code from another version of
//   the game is refused as such rather than as damaged;
// - `body` is the payload (level id, level hash, seed, seats, difficulty, moves, name) as compact
//   text, compressed with lz-string into URL-safe characters;
// - `check` is a 7-character base-36 hash of `<version>.<body>`. It is over the compressed text
//   itself (lz-string ignores some trailing bits, so a check inside the payload would miss some
//   edits), and it comes last, so any cut-off code is missing some of it and reads as truncated.
// Codes use only A–Z a–z 0–9 - _ ~ and '.', so they need no escaping in a URL or a shell.
import * as lzModule from 'lz-string';
import { stateHash } from './game';
import { replayMoves } from './moves';
import { canonicalJson, hash32, hashText } from './hash';
import type { Level, Package } from './level/level';
import { decompressBounded } from './lzBounded';
import {
  MAX_CODE_LENGTH,
  MAX_ISSUES,
  MAX_MOVES,
  MAX_NAME_LENGTH,
  MAX_PAYLOAD_CHARS,
  cleanText,
} from './limits';
import { DIFFICULTIES, PARTIES, type ByParty, type Difficulty, type Party } from './parties';
import { err, ok, type Result } from './result';
import { SEED_ALPHABET, SEED_LENGTH, parseSeed } from './seed';
import { outcomeWord } from './transcript';
import type { GameState, Move, OutcomeKind, Seat } from './state';

// lz-string is CommonJS: Node's ESM loader exposes it only as `default`; bundlers vary.
const lz = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;

/** The version of the rules that codes and links are made with. Bump it when replays change. */
export const GAME_VERSION = '1';

export { MAX_CODE_LENGTH, MAX_NAME_LENGTH } from './limits';

const CHECK_LENGTH = 7;
const LEVEL_HASH_LENGTH = 12;

export interface ResultPayload {
  readonly version: string;
  /** Level id. */
  readonly level: string;
  /** `levelHash(level)` of the level the game was played on. */
  readonly levelHash: string;
  readonly seed: string;
  readonly seats: ByParty<Seat>;
  readonly difficulty: Difficulty;
  readonly moves: readonly Move[];
  /** The player's name, when they gave one (plain text, at most MAX_NAME_LENGTH characters). */
  readonly name?: string;
}

export type CodeErrorCode =
  | 'code/empty'
  | 'code/too-long'
  | 'code/truncated'
  | 'code/checksum'
  | 'code/malformed'
  | 'code/version'
  | 'code/unknown-level'
  | 'code/level-changed'
  | 'code/illegal-move'
  | 'code/unfinished';

export interface CodeError {
  readonly code: CodeErrorCode;
  /** Plain text for people; may quote part of the input, shortened. */
  readonly message: string;
  /** For 'code/illegal-move': the index of the first move the rules refused. */
  readonly move?: number;
}

const fail = (code: CodeErrorCode, message: string, move?: number) =>
  err<CodeError>(move === undefined ? { code, message } : { code, message, move });

// ---------------------------------------------------------------------------------------------
// Level hash

const levelHashes = new WeakMap<Level, string>();

/** A short hash of a level's content: a code made on another version of the level is refused. */
export function levelHash(level: Level): string {
  let hash = levelHashes.get(level);
  if (hash === undefined) {
    // `$schema` only points editors at the schema; it does not change the game.
    const content: Record<string, unknown> = { ...level.spec };
    delete content.$schema;
    hash = hashText(canonicalJson(content)).slice(0, LEVEL_HASH_LENGTH);
    levelHashes.set(level, hash);
  }
  return hash;
}

// ---------------------------------------------------------------------------------------------
// Names

/**
 * A name as codes and the teacher page keep it: printable, single-spaced, at most 40 characters.
 * Link parameters quoted in notices go through the same `cleanText`.
 */
export const cleanName = (input: string): string => cleanText(input, MAX_NAME_LENGTH);

// ---------------------------------------------------------------------------------------------
// Moves as text: one uppercase letter, the party's index, then lowercase base-36 details.
//   P<party><one digit per issue>  proposal        A<party> accept        R<party> reject
//   X<party> pass    F<party><target> pressure    I<party><target> incentive
//   C<party><issue> public commitment
//   K<party><red line or z><issue><option>[<issue><option>]  reject citing a red line (z: none),
//                                                            with an optional counter-proposal

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

function digit(n: number, what: string): string {
  const d = Number.isInteger(n) && n >= 0 ? DIGITS[n] : undefined;
  if (d === undefined) throw new RangeError(`encodeResult: ${what} ${n} cannot be encoded`);
  return d;
}

const partyDigit = (party: Party) => digit(PARTIES.indexOf(party), `party ${party}`);

function encodeMove(move: Move): string {
  const p = partyDigit(move.party);
  switch (move.type) {
    case 'PROPOSE':
      return `P${p}${move.package.map((o) => digit(o, 'option')).join('')}`;
    case 'RESPOND':
      if (move.cite === undefined && move.amend === undefined)
        return `${move.accept ? 'A' : 'R'}${p}`;
      return `K${p}${move.cite === undefined ? 'z' : digit(move.cite, 'red line')}${(
        move.amend ?? []
      )
        .map((a) => digit(a.issue, 'issue') + digit(a.option, 'option'))
        .join('')}`;
    case 'SIDE_MOVE': {
      const m = move.move;
      switch (m.kind) {
        case 'pass':
          return `X${p}`;
        case 'pressure':
          return `F${p}${partyDigit(m.target)}`;
        case 'incentive':
          return `I${p}${partyDigit(m.target)}`;
        case 'commitment':
          return `C${p}${digit(m.issue, 'issue')}`;
      }
    }
  }
}

const MOVE_TOKEN = /([PARXFICK])([0-3])([0-9a-z]*)/y;

/** Reads moves one token at a time; more than MAX_MOVES is refused as soon as it is seen. */
function decodeMoves(text: string): Move[] | 'too-many' | null {
  const moves: Move[] = [];
  MOVE_TOKEN.lastIndex = 0;
  while (MOVE_TOKEN.lastIndex < text.length) {
    if (moves.length >= MAX_MOVES) return 'too-many';
    const match = MOVE_TOKEN.exec(text);
    if (!match) return null;
    const [, type, p, rest] = match as unknown as [string, string, string, string];
    if (rest.length > MAX_ISSUES) return null;
    const party = PARTIES[Number(p)]!;
    const target = rest.length === 1 ? PARTIES[Number(rest)] : undefined;
    switch (type) {
      case 'P':
        if (rest.length === 0) return null;
        moves.push({
          type: 'PROPOSE',
          party,
          package: Array.from(rest, (ch) => DIGITS.indexOf(ch)),
        });
        break;
      case 'A':
      case 'R':
        if (rest !== '') return null;
        moves.push({ type: 'RESPOND', party, accept: type === 'A' });
        break;
      case 'K': {
        if (rest.length < 1 || rest.length % 2 !== 1) return null;
        const cite = rest[0] === 'z' ? undefined : DIGITS.indexOf(rest[0]!);
        const amend = [];
        for (let k = 1; k < rest.length; k += 2)
          amend.push({ issue: DIGITS.indexOf(rest[k]!), option: DIGITS.indexOf(rest[k + 1]!) });
        if (cite === undefined && amend.length === 0) return null;
        moves.push({
          type: 'RESPOND',
          party,
          accept: false,
          ...(cite !== undefined ? { cite } : {}),
          ...(amend.length > 0 ? { amend } : {}),
        });
        break;
      }
      case 'X':
        if (rest !== '') return null;
        moves.push({ type: 'SIDE_MOVE', party, move: { kind: 'pass' } });
        break;
      case 'F':
      case 'I':
        if (target === undefined) return null;
        moves.push({
          type: 'SIDE_MOVE',
          party,
          move: { kind: type === 'F' ? 'pressure' : 'incentive', target },
        });
        break;
      case 'C':
        if (rest.length !== 1) return null;
        moves.push({
          type: 'SIDE_MOVE',
          party,
          move: { kind: 'commitment', issue: DIGITS.indexOf(rest) },
        });
        break;
      default:
        return null;
    }
  }
  return moves;
}

// ---------------------------------------------------------------------------------------------
// Payload text: level|hash|seed|seats|difficulty|moves|name

const DIFFICULTY_LETTERS: Record<Difficulty, string> = { easy: 'e', normal: 'n', hard: 'h' };
const LEVEL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const seatsMask = (seats: ByParty<Seat>): string =>
  PARTIES.reduce((mask, party, i) => mask | (seats[party] === 'human' ? 1 << i : 0), 0).toString(
    16,
  );

function payloadText(p: ResultPayload): string {
  if (!LEVEL_ID.test(p.level)) throw new RangeError(`encodeResult: bad level id "${p.level}"`);
  if (!/^[0-9a-f]+$/.test(p.levelHash)) throw new RangeError('encodeResult: bad level hash');
  const seed = parseSeed(p.seed);
  if (!seed.ok) throw new RangeError(`encodeResult: ${seed.error.message}`);
  if (p.moves.length > MAX_MOVES) throw new RangeError(`encodeResult: ${TOO_MANY_MOVES}`);
  return [
    p.level,
    p.levelHash,
    seed.value,
    seatsMask(p.seats),
    DIFFICULTY_LETTERS[p.difficulty],
    p.moves.map(encodeMove).join(''),
    cleanName(p.name ?? ''),
  ].join('|');
}

const TOO_MANY_MOVES = `a game has at most ${MAX_MOVES} moves`;

function parsePayloadText(version: string, text: string): ResultPayload | 'too-many' | null {
  if (text.length > MAX_PAYLOAD_CHARS) return 'too-many';
  const fields = text.split('|');
  if (fields.length < 7) return null;
  const [level, hash, seedText, mask, letter, movesText] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const name = cleanName(fields.slice(6).join('|'));
  if (level.length > 64 || !LEVEL_ID.test(level)) return null;
  if (!new RegExp(`^[0-9a-f]{${LEVEL_HASH_LENGTH}}$`).test(hash)) return null;
  const seed = parseSeed(seedText);
  if (!seed.ok || seed.value !== seedText) return null;
  if (!/^[0-9a-f]$/.test(mask)) return null;
  const bits = parseInt(mask, 16);
  const difficulty = DIFFICULTIES.find((d) => DIFFICULTY_LETTERS[d] === letter);
  if (difficulty === undefined) return null;
  const moves = decodeMoves(movesText);
  if (moves === null || moves === 'too-many') return moves;
  const seats = Object.fromEntries(
    PARTIES.map((party, i) => [party, (bits >> i) & 1 ? 'human' : 'computer']),
  ) as ByParty<Seat>;
  return {
    version,
    level,
    levelHash: hash,
    seed: seed.value,
    seats,
    difficulty,
    moves,
    ...(name ? { name } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Codes

/** lz-string's URL alphabet ends in + and $; swap them for characters no shell or URL touches. */
const toSafe = (s: string) => s.replace(/\+/g, '_').replace(/\$/g, '~');
const fromSafe = (s: string) => s.replace(/_/g, '+').replace(/~/g, '$');

const checkOf = (signed: string) => hash32(signed).toString(36).padStart(CHECK_LENGTH, '0');

/** A code that replays the game. Throws only on input no real game produces. */
export function encodeResult(payload: ResultPayload): string {
  if (!/^[0-9]{1,4}$/.test(payload.version))
    throw new RangeError(`encodeResult: bad version "${payload.version}"`);
  const signed = `${payload.version}.${toSafe(lz.compressToEncodedURIComponent(payloadText(payload)))}`;
  return `${signed}.${checkOf(signed)}`;
}

/** The result code of a game, as the debrief shows it and `npm run simulate` prints it. */
export const resultCodeFor = (level: Level, game: GameState, name?: string): string =>
  encodeResult({
    version: GAME_VERSION,
    level: level.id,
    levelHash: levelHash(level),
    seed: game.seed,
    seats: game.seats,
    difficulty: game.difficulty,
    moves: game.moves,
    ...(name !== undefined ? { name } : {}),
  });

const shorten = (text: string) => JSON.stringify(text.length > 12 ? `${text.slice(0, 12)}…` : text);

/**
 * Reads a code without replaying it. White space anywhere is ignored (codes get wrapped in
 * e-mails); anything else that differs from what `encodeResult` wrote is refused.
 */
/**
 * Why a code from another version of the game is refused, and what to do: which side is older
 * decides who reloads (a reload lets a waiting update in, see src/pwa.ts).
 */
function versionRefusal(version: number): string {
  return version < Number(GAME_VERSION)
    ? `this code was made by an older version of Red Lines (version ${version}; this is version ${GAME_VERSION}), whose games replay differently: the player should reload the game to update it, then play again`
    : `this code was made by a newer version of Red Lines (version ${version}; this page is version ${GAME_VERSION}): reload this page to update it, then check the code again`;
}

export function decodeResult(input: string): Result<ResultPayload, CodeError> {
  if (input.length > MAX_CODE_LENGTH * 2)
    return fail('code/too-long', `a result code has at most ${MAX_CODE_LENGTH} characters`);
  const code = input.replace(/\s+/g, '');
  if (code === '') return fail('code/empty', 'the result code is empty');
  if (code.length > MAX_CODE_LENGTH)
    return fail('code/too-long', `a result code has at most ${MAX_CODE_LENGTH} characters`);
  if (!/^[A-Za-z0-9_~.-]+$/.test(code))
    return fail('code/malformed', 'this is not a result code: it has characters codes never have');
  const parts = code.split('.');
  const version = parts[0]!;
  if (parts.length === 1 && version !== GAME_VERSION)
    return fail('code/malformed', 'this is not a result code');
  if (version !== GAME_VERSION)
    return /^[0-9]{1,4}$/.test(version)
      ? fail('code/version', versionRefusal(Number(version)))
      : fail('code/malformed', `this is not a result code (it starts with ${shorten(version)})`);
  const truncated = () =>
    fail('code/truncated', 'the code is incomplete: was the end cut off when it was copied?');
  if (parts.length < 3) return truncated();
  if (parts.length > 3) return fail('code/malformed', 'this is not a result code');
  const [, body, check] = parts as [string, string, string];
  if (body === '') return fail('code/malformed', 'the code has no content');
  // The check has a fixed length, so a code cut off anywhere is missing part of it.
  if (check.length < CHECK_LENGTH && /^[0-9a-z]*$/.test(check)) return truncated();
  if (check !== checkOf(`${version}.${body}`))
    return fail('code/checksum', 'the code does not check out: a character was changed or lost');
  // Decompressed with a cap: a short body that expands to megabytes stops at MAX_PAYLOAD_CHARS.
  const text = decompressBounded(fromSafe(body), MAX_PAYLOAD_CHARS);
  const payload = text.ok
    ? text.text
      ? parsePayloadText(version, text.text)
      : null
    : text.reason === 'too-long'
      ? 'too-many'
      : null;
  if (payload === 'too-many')
    return fail(
      'code/too-long',
      `the code holds more moves than a game can have (${TOO_MANY_MOVES})`,
    );
  if (!payload) return fail('code/malformed', 'the code checks out but its content cannot be read');
  return ok(payload);
}

export interface VerifiedResult {
  readonly payload: ResultPayload;
  readonly level: Level;
  /** The replayed game, at its end. */
  readonly game: GameState;
  readonly outcome: OutcomeKind;
  readonly scores: ByParty<number>;
  /** The package signed, or null when the talks collapsed. */
  readonly deal: Package | null;
  readonly rounds: number;
  readonly stateHash: string;
}

/** Decodes a code and replays it move by move on the level it names: only a real game passes. */
export function verifyResult(
  code: string,
  levels: ReadonlyMap<string, Level>,
): Result<VerifiedResult, CodeError> {
  const decoded = decodeResult(code);
  if (!decoded.ok) return decoded;
  const payload = decoded.value;
  const level = levels.get(payload.level);
  if (!level) return fail('code/unknown-level', `this code is for a level this game does not have`);
  if (levelHash(level) !== payload.levelHash)
    return fail(
      'code/level-changed',
      `this code was played on another version of the level "${level.spec.title}": reload this page and the player's game to update both, then play again`,
    );
  const replayed = replayMoves(
    level,
    { seed: payload.seed, seats: payload.seats, difficulty: payload.difficulty },
    payload.moves,
  );
  if (!replayed.ok)
    return fail(
      'code/illegal-move',
      `move ${replayed.error.index + 1} of ${payload.moves.length} is not allowed by the rules: ${replayed.error.message}`,
      replayed.error.index,
    );
  const game = replayed.value;
  if (!game.outcome) return fail('code/unfinished', 'the game in this code is not finished');
  return ok({
    payload,
    level,
    game,
    outcome: game.outcome.kind,
    scores: game.outcome.scores,
    deal: game.outcome.deal,
    rounds: game.round,
    stateHash: stateHash(game),
  });
}

// ---------------------------------------------------------------------------------------------
// Daily seeds

export interface UtcDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
}

/** The UTC calendar date of an instant (the caller owns the clock). */
export const utcDateOf = (instant: Date): UtcDate => ({
  year: instant.getUTCFullYear(),
  month: instant.getUTCMonth() + 1,
  day: instant.getUTCDate(),
});

const pad = (n: number, width: number) => String(Math.trunc(n)).padStart(width, '0');

/** The seed everyone shares on a UTC date. */
export function dailySeed(date: UtcDate): string {
  const key = `daily/${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
  let seed = '';
  for (let i = 0; i < SEED_LENGTH; i++)
    seed += SEED_ALPHABET[hash32(`${key}/${i}`) % SEED_ALPHABET.length];
  return seed;
}

// ---------------------------------------------------------------------------------------------
// Links and share cards

export const SHARE_MARKS = {
  proposed: '📜',
  accepted: '✅',
  rejected: '❌',
  silent: '⬜',
} as const;

export { OUTCOME_WORDS, outcomeWord } from './transcript';

/**
 * A spoiler-free card: the level, one line of marks per round (one per party, in PARTIES order:
 * who proposed, who accepted, who rejected), the outcome word and the link. No terms, no scores.
 */
export function shareCard(level: Level, game: GameState, link: string): string {
  const rows = game.history.map((record) => {
    const marks = PARTIES.map((party) => {
      if (record.proposal.proposer === party) return SHARE_MARKS.proposed;
      const response = record.responses[party];
      if (!response) return SHARE_MARKS.silent;
      return response.accept ? SHARE_MARKS.accepted : SHARE_MARKS.rejected;
    });
    return `${pad(record.round, 2)} ${marks.join('')}`;
  });
  const rounds = game.history.length;
  const ending = game.outcome
    ? `${outcomeWord(level, game.outcome.kind)} after ${rounds} round${rounds === 1 ? '' : 's'}`
    : `Unfinished after ${rounds} round${rounds === 1 ? '' : 's'}`;
  return [`Red Lines: ${level.spec.title}`, ...rows, ending, link].join('\n');
}
