// Resuming a saved game: the save is checked field by field (saves.ts), its moves are replayed
// from the seed without an actor (so no sound plays and nothing is saved meanwhile), and the
// result is compared with the saved stateHash. A save that no longer replays the same is never
// resumed silently: the player chooses between the same seed again and the old result code.
import { GAME_VERSION, encodeResult, levelHash } from '../core/codes';
import { stateHash } from '../core/game';
import type { Level } from '../core/level/level';
import { replayMoves } from '../core/moves';
import { PARTIES } from '../core/parties';
import type { GameState } from '../core/state';
import { clearSave, loadSave, type SaveRecord } from '../ui/saves';
import type { StorageLike } from './storage';
import type { StartParams } from './appMachine';

export type ResumeCheck =
  | { readonly kind: 'none' }
  /** The save could not be read; it was set aside. */
  | { readonly kind: 'unreadable'; readonly message: string }
  | {
      readonly kind: 'resume';
      readonly level: Level;
      readonly record: SaveRecord;
      readonly params: StartParams;
      readonly game: GameState;
    }
  | {
      readonly kind: 'mismatch';
      readonly level: Level;
      readonly record: SaveRecord;
      readonly params: StartParams;
      readonly reason: string;
      /** The old moves as a result code; null when they cannot even be encoded. */
      readonly oldCode: string | null;
    };

export function paramsOf(record: SaveRecord): StartParams {
  const humans = PARTIES.filter((p) => record.seats[p] === 'human');
  return {
    level: record.level,
    seed: record.seed,
    role: record.role,
    difficulty: record.difficulty,
    mode: humans.length > 1 ? 'hotseat' : 'solo',
    humans,
  };
}

/** Reads, checks and replays the save, if there is one. */
export function checkResume(storage: StorageLike, levels: ReadonlyMap<string, Level>): ResumeCheck {
  const loaded = loadSave(storage, levels);
  if (!loaded.ok)
    return loaded.error.code === 'save/none'
      ? { kind: 'none' }
      : { kind: 'unreadable', message: loaded.error.message };
  const record = loaded.value;
  const level = levels.get(record.level)!; // the save schema checked that the level is known
  const params = paramsOf(record);
  const mismatch = (reason: string): ResumeCheck => ({
    kind: 'mismatch',
    level,
    record,
    params,
    reason,
    oldCode: oldCodeOf(record, level),
  });
  if (record.gameVersion !== undefined && record.gameVersion !== GAME_VERSION)
    return mismatch(
      `it was saved by version ${record.gameVersion} of the game; this is version ${GAME_VERSION}.`,
    );
  if (record.levelHash !== undefined && record.levelHash !== levelHash(level))
    return mismatch('the level has changed since it was saved.');
  const replayed = replayMoves(
    level,
    { seed: record.seed, difficulty: record.difficulty, seats: record.seats },
    record.moves,
  );
  if (!replayed.ok)
    return mismatch(`move ${replayed.error.index + 1} is refused now: ${replayed.error.message}`);
  const game = replayed.value;
  if (record.stateHash !== undefined && record.stateHash !== stateHash(game))
    return mismatch('its moves no longer lead to the saved position.');
  if (game.outcome) {
    clearSave(storage);
    return { kind: 'none' };
  }
  return { kind: 'resume', level, record, params, game };
}

function oldCodeOf(record: SaveRecord, level: Level): string | null {
  try {
    return encodeResult({
      version: record.gameVersion ?? GAME_VERSION,
      level: record.level,
      levelHash: record.levelHash ?? levelHash(level),
      seed: record.seed,
      seats: record.seats,
      difficulty: record.difficulty,
      moves: record.moves,
    });
  } catch {
    return null; // moves no real game makes: there is no code to keep
  }
}
