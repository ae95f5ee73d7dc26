// Save and resume a game in progress. A save is the game's setup and the moves people made:
// replaying them from the seed (core/moves.ts `replayMoves`) rebuilds the exact state. It is stored
// as JSON with a checksum; a corrupt save, or one from a version that cannot be migrated, is set
// aside under SAVE_CORRUPT_KEY and reported as data, never thrown. Only the save keys are touched.
import { z } from 'zod';
import { GAME_VERSION } from '../core/codes';
import { stateHash } from '../core/game';
import { hashText } from '../core/hash';
import type { Level } from '../core/level/level';
import { moveSchema } from '../core/moves';
import { DIFFICULTIES, PARTIES, type ByParty, type Difficulty, type Party } from '../core/parties';
import { err, ok, type Result } from '../core/result';
import { parseSeed } from '../core/seed';
import type { GameState, Move, Seat } from '../core/state';
import { isRecord } from '../core/isRecord';
import { MAX_MOVES, MOVES_PER_ROUND } from '../core/limits';

export const SAVE_KEY = 'redlines.save.v1';
export const SAVE_CORRUPT_KEY = 'redlines.save.corrupt';
export const SAVE_VERSION = 1;

export interface SaveRecord {
  readonly version: typeof SAVE_VERSION;
  /** The game version (rules) that made the save. */
  readonly gameVersion?: string;
  /** Level id. */
  readonly level: string;
  /** Hash of the level's text, to notice that a level changed under a save. */
  readonly levelHash?: string;
  readonly seed: string;
  readonly seats: ByParty<Seat>;
  readonly difficulty: Difficulty;
  /** The seat the screen was for (solo), or the first human seat (hot-seat). */
  readonly role: Party;
  readonly moves: readonly Move[];
  /** ISO time of saving; filled in by saveGame when absent. */
  readonly savedAt?: string;
  /** Round and stateHash when saved: a resumed game should replay to the same. */
  readonly round?: number;
  readonly stateHash?: string;
}

export type SaveErrorCode = 'save/none' | 'save/corrupt' | 'save/version' | 'save/write';

export interface SaveError {
  readonly code: SaveErrorCode;
  /** Plain text for a notice. */
  readonly message: string;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Longest save text read at all: a real save is a few kilobytes. */
export const MAX_SAVE_CHARS = 200_000;

const party = z.enum(PARTIES);
const seat = z.enum(['human', 'computer']);
const seedField = z
  .string()
  .max(64)
  .transform((text, ctx) => {
    const seed = parseSeed(text);
    if (seed.ok) return seed.value;
    ctx.addIssue({ code: 'custom', message: seed.error.message });
    return z.NEVER;
  });

/**
 * The one schema for a saved game, field by field, with the parsers links and codes use: the
 * seed normalised and valid, the level known, seats consistent, the player's seat human, every
 * move well formed and by a person, and no more moves than the level's rounds allow. The move
 * count is bounded before any move is read, so a huge save is refused at once.
 */
export function saveSchema(levels: ReadonlyMap<string, Level>) {
  return z
    .object({
      version: z.literal(SAVE_VERSION),
      gameVersion: z.string().max(16).optional(),
      level: z.string().min(1).max(64),
      levelHash: z.string().max(64).optional(),
      seed: seedField,
      seats: z.object({ us: seat, europe: seat, russia: seat, ukraine: seat }),
      difficulty: z.enum(DIFFICULTIES),
      role: party,
      // The engine's move limit (core/limits.ts, the same as for codes), before a move is read.
      moves: z.array(z.unknown()).max(MAX_MOVES).pipe(z.array(moveSchema)),
      savedAt: z.string().max(40).optional(),
      round: z.number().int().min(1).max(1000).optional(),
      stateHash: z.string().max(64).optional(),
    })
    .superRefine((record, ctx) => {
      const level = levels.get(record.level);
      if (!level) {
        ctx.addIssue({
          code: 'custom',
          path: ['level'],
          message: `no level called ${JSON.stringify(record.level.slice(0, 40))} in this version`,
        });
        return;
      }
      if (record.seats[record.role] !== 'human')
        ctx.addIssue({
          code: 'custom',
          path: ['role'],
          message: 'the player’s seat is played by the computer',
        });
      const bound = level.spec.deadline * MOVES_PER_ROUND;
      if (record.moves.length > bound)
        ctx.addIssue({
          code: 'custom',
          path: ['moves'],
          message: `more moves than ${bound}, the most this level allows`,
        });
      const byComputer = record.moves.findIndex((m) => record.seats[m.party] !== 'human');
      if (byComputer >= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['moves', byComputer, 'party'],
          message: 'a move by a computer seat',
        });
    });
}

/** The stored envelope: the record's JSON text and its checksum. */
const envelopeSchema = z.object({ checksum: z.string(), data: z.string() });

/**
 * Migrations from older record versions, keyed by the version they read. None yet: version 1 is
 * the first. A save whose version has no migration path is reported as 'save/version'.
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => unknown>> = {};

/** A save record for a game in progress. */
export function saveRecordFor(
  game: GameState,
  role: Party,
  extra: { readonly levelHash?: string } = {},
): SaveRecord {
  return {
    version: SAVE_VERSION,
    gameVersion: GAME_VERSION,
    level: game.level,
    ...(extra.levelHash === undefined ? {} : { levelHash: extra.levelHash }),
    seed: game.seed,
    seats: { ...game.seats },
    difficulty: game.difficulty,
    role,
    moves: [...game.moves],
    round: game.round,
    stateHash: stateHash(game),
  };
}

/** Writes the save. Never throws: a full or blocked storage comes back as 'save/write'. */
export function saveGame(storage: StorageLike, record: SaveRecord): Result<SaveRecord, SaveError> {
  const full: SaveRecord = { ...record, savedAt: record.savedAt ?? new Date().toISOString() };
  const data = JSON.stringify(full);
  try {
    storage.setItem(SAVE_KEY, JSON.stringify({ checksum: hashText(data), data }));
    return ok(full);
  } catch (e) {
    return err({
      code: 'save/write',
      message: `The game could not be saved (${e instanceof Error ? e.name : 'storage error'}).`,
    });
  }
}

/**
 * Reads the save. No save: 'save/none'. Unreadable, tampered or malformed: 'save/corrupt'. From a
 * version that cannot be migrated: 'save/version'. The last two move the text aside to
 * SAVE_CORRUPT_KEY (replacing any earlier one; at most MAX_SAVE_CHARS of it) and remove the save,
 * so the next start is clean.
 */
export function loadSave(
  storage: StorageLike,
  levels: ReadonlyMap<string, Level>,
): Result<SaveRecord, SaveError> {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return err({ code: 'save/none', message: 'Saved games are not available in this browser.' });
  }
  if (text === null) return err({ code: 'save/none', message: 'There is no saved game.' });
  const checked = readSave(text, levels);
  // An oversized save is kept only in part: writing megabytes to localStorage blocks the page for
  // a second or more, and no real game is in the rest. The head shows what it was.
  if (!checked.ok) setAside(storage, text.slice(0, MAX_SAVE_CHARS));
  return checked;
}

/** Removes the save (after a game ends, or when the player declines to resume). */
export function clearSave(storage: StorageLike): void {
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Nothing to clear when storage is blocked.
  }
}

const corrupt = (why: string): SaveError => ({
  code: 'save/corrupt',
  message: `The saved game could not be read (${why}). It was set aside; you can start a new game.`,
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readSave(text: string, levels: ReadonlyMap<string, Level>): Result<SaveRecord, SaveError> {
  if (text.length > MAX_SAVE_CHARS) return err(corrupt('it is far larger than any real save'));
  const envelope = envelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) return err(corrupt('not a saved game'));
  const { checksum, data } = envelope.data;
  if (hashText(data) !== checksum) return err(corrupt('its checksum does not match'));
  const parsed = parseJson(data);
  if (!isRecord(parsed)) return err(corrupt('no game in it'));
  let raw: Record<string, unknown> = parsed;
  const first = raw.version;
  if (typeof first !== 'number' || !Number.isInteger(first))
    return err(corrupt('it has no version'));
  let version: number = first;
  while (version !== SAVE_VERSION) {
    const migrate = version < SAVE_VERSION ? MIGRATIONS[version] : undefined;
    if (!migrate)
      return err({
        code: 'save/version',
        message: `The saved game is from ${version < SAVE_VERSION ? 'an older' : 'a newer'} version of Red Lines (save format ${version}) and cannot be resumed. It was set aside; you can start a new game.`,
      });
    const migrated = migrate(raw);
    if (!isRecord(migrated)) return err(corrupt('a migration failed'));
    const next = migrated.version;
    if (typeof next !== 'number' || next <= version) return err(corrupt('a migration failed'));
    raw = migrated;
    version = next;
  }
  const record = saveSchema(levels).safeParse(raw);
  if (!record.success) {
    const issue = record.error.issues[0];
    const at = issue ? issue.path.join('.') || 'the record' : 'the record';
    const why = issue?.code === 'custom' ? `: ${issue.message}` : '';
    return err(corrupt(`bad value at ${at}${why}`));
  }
  return ok(record.data as SaveRecord);
}

function setAside(storage: StorageLike, text: string): void {
  // The save goes first, then its copy takes the room it held: the other way round a save of
  // several megabytes fills the quota twice over, the copy fails, and storage counts as full.
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Blocked storage: nothing more to do.
  }
  try {
    storage.setItem(SAVE_CORRUPT_KEY, text);
  } catch {
    // No room to keep a copy: dropping the broken save still beats failing on every start.
  }
}
