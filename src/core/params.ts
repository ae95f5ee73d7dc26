// Game settings from a link. Unknown or malformed values fall back to defaults with a notice.
import {
  DIFFICULTIES,
  PARTIES,
  isDifficulty,
  isParty,
  type Difficulty,
  type Party,
} from './parties';
import { MAX_CODE_LENGTH, MAX_URL_PARAM_LENGTH, cleanText } from './limits';
import { parseSeed } from './seed';

export const MODES = ['solo', 'hotseat'] as const;
export type Mode = (typeof MODES)[number];

export interface GameParams {
  readonly level: string;
  readonly seed: string | null;
  /** The seat a solo player takes; in hot-seat play, the first human seat. */
  readonly role: Party;
  readonly difficulty: Difficulty;
  readonly mode: Mode;
  /** Seats played by people: the role alone in solo play, two to four seats in hot-seat play. */
  readonly humans: readonly Party[];
}

export const DEFAULT_LEVEL = 'coalition-2025';
export const DEFAULT_ROLE: Party = 'ukraine';
export const DEFAULT_DIFFICULTY: Difficulty = 'normal';

/** Longest value echoed back in a notice; longer input is cut. */
const ECHO_LIMIT = 40;
/**
 * A link value quoted in a notice: cleaned like a name (no control or bidirectional characters,
 * which could reverse the notice around it) and cut to ECHO_LIMIT characters.
 */
export const echo = (value: string): string => {
  const clean = cleanText(value.slice(0, ECHO_LIMIT), ECHO_LIMIT);
  return JSON.stringify(value.length > ECHO_LIMIT ? `${clean}…` : clean);
};

export interface ParsedParams {
  readonly params: GameParams;
  /** Which page the link opens. */
  readonly page: 'game' | 'teacher';
  /** A result code to open in the replay viewer (length-capped, not yet verified). */
  readonly replay: string | null;
  /** Plain-text notices about values that were ignored. */
  readonly notices: readonly string[];
}

/** Longest result code accepted from a link. */
export const MAX_REPLAY_LENGTH = MAX_CODE_LENGTH;

export interface LinkContext {
  readonly knownLevels: readonly string[];
  /** This build's game version; links from another one get a notice. */
  readonly version: string;
  /** Today's shared seed, for `?daily`. */
  readonly dailySeed: string;
}

export function parseGameParams(
  getRaw: (name: string) => string | null,
  context: LinkContext,
): ParsedParams {
  const knownLevels = context.knownLevels;
  const notices: string[] = [];
  // Any value longer than the longest real one (a result code) is ignored before it is read.
  const get = (name: string): string | null => {
    const value = getRaw(name);
    if (value === null || value.length <= MAX_URL_PARAM_LENGTH) return value;
    notices.push(
      name === 'replay'
        ? 'The result code in this link is too long to be real; it was ignored.'
        : `The value of "${name}" in this link is too long (at most ${MAX_URL_PARAM_LENGTH} characters); it was ignored.`,
    );
    return null;
  };
  const levelArg = get('level');
  const seedArg = get('seed');
  const roleArg = get('role');
  const difficultyArg = get('difficulty');
  let level = DEFAULT_LEVEL;
  if (levelArg !== null) {
    if (knownLevels.includes(levelArg)) level = levelArg;
    else notices.push(`Unknown level ${echo(levelArg)}; playing ${DEFAULT_LEVEL} instead.`);
  }
  let seed: string | null = null;
  if (get('daily') !== null) seed = context.dailySeed;
  else if (seedArg !== null) {
    const parsed = parseSeed(seedArg);
    if (parsed.ok) seed = parsed.value;
    else
      notices.push(`Seed ${echo(seedArg)} ignored: ${parsed.error.message}. A fresh seed is used.`);
  }
  let role = DEFAULT_ROLE;
  if (roleArg !== null) {
    if (isParty(roleArg)) role = roleArg;
    else
      notices.push(
        `Unknown role ${echo(roleArg)} (use ${PARTIES.join(', ')}); you play ${DEFAULT_ROLE}.`,
      );
  }
  let difficulty = DEFAULT_DIFFICULTY;
  if (difficultyArg !== null) {
    if (isDifficulty(difficultyArg)) difficulty = difficultyArg;
    else
      notices.push(
        `Unknown difficulty ${echo(difficultyArg)} (use ${DIFFICULTIES.join(', ')}); playing ${DEFAULT_DIFFICULTY}.`,
      );
  }
  const modeArg = get('mode');
  const seatsArg = get('seats');
  let mode: Mode = 'solo';
  if (modeArg === 'hotseat') mode = 'hotseat';
  else if (modeArg !== null && modeArg !== 'solo' && modeArg !== 'teacher')
    notices.push(`Unknown mode ${echo(modeArg)} (use solo, hotseat or teacher); playing solo.`);
  let humans: Party[] = [role];
  if (mode === 'hotseat') {
    const listed = (seatsArg ?? '').split(',').filter((s) => s !== '');
    const valid = PARTIES.filter((p) => listed.includes(p));
    if (valid.length >= 2 && valid.length === new Set(listed).size) humans = valid;
    else {
      if (seatsArg !== null)
        notices.push(
          `Seats ${echo(seatsArg)} ignored: hot-seat play needs two to four of ${PARTIES.join(', ')}.`,
        );
      humans =
        PARTIES.includes(role) && role !== 'ukraine' ? [role, 'ukraine'] : ['ukraine', 'russia'];
    }
    role = humans[0]!;
  }
  const version = get('v');
  if (version !== null && version !== context.version)
    notices.push(
      `This link was made for version ${echo(version)} of the game; this is version ${context.version}, so the game may differ.`,
    );
  let replay = get('replay');
  if (replay !== null && replay.length > MAX_REPLAY_LENGTH) {
    notices.push('The result code in this link is too long to be real; it was ignored.');
    replay = null;
  }
  return {
    params: { level, seed, role, difficulty, mode, humans },
    page: modeArg === 'teacher' ? 'teacher' : 'game',
    replay,
    notices,
  };
}

/** Everything a link can carry. Only the fields given go into the link. */
export interface GameLink {
  readonly level?: string;
  readonly seed?: string | null;
  readonly role?: Party;
  readonly difficulty?: Difficulty;
  readonly mode?: Mode | 'teacher';
  /** Hot-seat seats; written only for hot-seat links. */
  readonly humans?: readonly Party[];
  /** The game version the link was made with. */
  readonly version?: string;
  readonly replay?: string;
}

/**
 * The one way to build a link to the game: `base` is the page address without a query. The
 * parameters come out in a fixed order, so the same game always gets the same link.
 */
export function gameLink(base: string, link: GameLink): string {
  // encodeURIComponent rather than URLSearchParams, which is not part of the core's ES-only lib.
  const query: string[] = [];
  const put = (name: string, value: string | null | undefined) => {
    if (value !== undefined && value !== null && value !== '')
      query.push(`${name}=${encodeURIComponent(value)}`);
  };
  put('level', link.level);
  put('seed', link.seed);
  put('role', link.role);
  put('difficulty', link.difficulty);
  if (link.mode && link.mode !== 'solo') put('mode', link.mode);
  if (link.mode === 'hotseat' && link.humans) put('seats', link.humans.join(','));
  put('replay', link.replay);
  put('v', link.version);
  return query.length > 0 ? `${base}?${query.join('&')}` : base;
}
