// Save and resume a game in progress. A save is the game's setup and the moves people made:
// replaying them from the seed (core/game.ts `replayGame`) rebuilds the exact state. It is stored
// as JSON with a checksum; a corrupt save, or one from a version that cannot be migrated, is set
// aside under SAVE_CORRUPT_KEY and reported as data, never thrown. Only the save keys are touched.
import { z } from 'zod';
import { stateHash } from '../core/game';
import { hashText } from '../core/hash';
import { DIFFICULTIES, PARTIES, type ByParty, type Difficulty, type Party } from '../core/parties';
import { err, ok, type Result } from '../core/result';
import type { GameState, Move, Seat } from '../core/state';

export const SAVE_KEY = 'redlines.save.v1';
export const SAVE_CORRUPT_KEY = 'redlines.save.corrupt';
export const SAVE_VERSION = 1;

export interface SaveRecord {
  readonly version: typeof SAVE_VERSION;
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

const party = z.enum(PARTIES);
const seat = z.enum(['human', 'computer']);
const sideMove = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pass') }),
  z.object({ kind: z.literal('pressure'), target: party }),
  z.object({ kind: z.literal('incentive'), target: party }),
  z.object({ kind: z.literal('commitment'), issue: z.number().int().min(0) }),
]);
const move = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PROPOSE'), party, package: z.array(z.number().int().min(0)) }),
  z.object({ type: z.literal('RESPOND'), party, accept: z.boolean() }),
  z.object({ type: z.literal('SIDE_MOVE'), party, move: sideMove }),
]);
const recordSchema = z.object({
  version: z.literal(SAVE_VERSION),
  level: z.string().min(1),
  levelHash: z.string().optional(),
  seed: z.string().min(1),
  seats: z.object({ us: seat, europe: seat, russia: seat, ukraine: seat }),
  difficulty: z.enum(DIFFICULTIES),
  role: party,
  moves: z.array(move),
  savedAt: z.string().optional(),
  round: z.number().int().min(1).optional(),
  stateHash: z.string().optional(),
});

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
 * SAVE_CORRUPT_KEY (replacing any earlier one) and remove the save, so the next start is clean.
 */
export function loadSave(storage: StorageLike): Result<SaveRecord, SaveError> {
  let text: string | null;
  try {
    text = storage.getItem(SAVE_KEY);
  } catch {
    return err({ code: 'save/none', message: 'Saved games are not available in this browser.' });
  }
  if (text === null) return err({ code: 'save/none', message: 'There is no saved game.' });
  const checked = readSave(text);
  if (!checked.ok) setAside(storage, text);
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

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function readSave(text: string): Result<SaveRecord, SaveError> {
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
  const record = recordSchema.safeParse(raw);
  if (!record.success) {
    const issue = record.error.issues[0];
    const at = issue ? issue.path.join('.') || 'the record' : 'the record';
    return err(corrupt(`bad value at ${at}`));
  }
  return ok(record.data as SaveRecord);
}

function setAside(storage: StorageLike, text: string): void {
  try {
    storage.setItem(SAVE_CORRUPT_KEY, text);
  } catch {
    // No room to keep a copy: dropping the broken save still beats failing on every start.
  }
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Blocked storage: nothing more to do.
  }
}
