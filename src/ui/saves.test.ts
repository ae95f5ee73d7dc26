import { describe, expect, it } from 'vitest';
import { hashText } from '../core/hash';
import { seatsFor } from '../core/rules';
import { stateHash } from '../core/game';
import { applyMove, newGame, phaseOf, replayMoves } from '../core/moves';
import { computerProposal } from '../core/negotiator';
import type { Move } from '../core/state';
import { loadCatalog } from '../levels';
import {
  SAVE_CORRUPT_KEY,
  SAVE_KEY,
  clearSave,
  loadSave,
  saveGame,
  saveRecordFor,
  type SaveRecord,
} from './saves';
import { SETTINGS_KEY } from './settings';

/** An in-memory Storage. */
class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  readonly map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, String(value));
  removeItem = (key: string) => void this.map.delete(key);
}

const LEVELS = loadCatalog().levels;
const SETTINGS = '{"sound":false,"volume":0.3}';
const fresh = () => {
  const storage = new MemoryStorage();
  storage.setItem(SETTINGS_KEY, SETTINGS);
  return storage;
};

const record: SaveRecord = {
  version: 1,
  level: 'coalition-2025',
  seed: 'BCDFGH12',
  seats: seatsFor(['ukraine']),
  difficulty: 'normal',
  role: 'ukraine',
  moves: [
    { type: 'PROPOSE', party: 'ukraine', package: [0, 1, 2] },
    { type: 'RESPOND', party: 'ukraine', accept: false },
    { type: 'SIDE_MOVE', party: 'ukraine', move: { kind: 'pressure', target: 'russia' } },
  ],
  savedAt: '2025-01-01T00:00:00.000Z',
};

/** Writes a record the way saveGame does, with a valid checksum, whatever it holds. */
const writeRaw = (storage: MemoryStorage, data: unknown) => {
  const text = JSON.stringify(data);
  storage.setItem(SAVE_KEY, JSON.stringify({ checksum: hashText(text), data: text }));
};

describe('saves', () => {
  it('round-trips a save', () => {
    const storage = fresh();
    expect(saveGame(storage, record).ok).toBe(true);
    expect(loadSave(storage, LEVELS)).toEqual({ ok: true, value: record });
  });

  it('stamps the time of saving when the record has none', () => {
    const storage = fresh();
    const undated: SaveRecord = { ...record, savedAt: undefined };
    const saved = saveGame(storage, undated);
    expect(saved.ok && typeof saved.value.savedAt).toBe('string');
    const loaded = loadSave(storage, LEVELS);
    expect(loaded.ok && loaded.value.savedAt).toBe(saved.ok && saved.value.savedAt);
  });

  it("reports 'save/none' when there is no save", () => {
    const result = loadSave(fresh(), LEVELS);
    expect(!result.ok && result.error.code).toBe('save/none');
  });

  it("reports corrupt JSON as 'save/corrupt' and sets it aside, settings untouched", () => {
    const storage = fresh();
    storage.setItem(SAVE_KEY, '{"checksum": "abc", "data": ');
    const result = loadSave(storage, LEVELS);
    expect(!result.ok && result.error.code).toBe('save/corrupt');
    expect(!result.ok && result.error.message).toMatch(/set aside/);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(storage.getItem(SAVE_CORRUPT_KEY)).toBe('{"checksum": "abc", "data": ');
    expect(storage.getItem(SETTINGS_KEY)).toBe(SETTINGS);
    // The next start is clean.
    const again = loadSave(storage, LEVELS);
    expect(!again.ok && again.error.code).toBe('save/none');
  });

  it("reports a checksum mismatch as 'save/corrupt'", () => {
    const storage = fresh();
    saveGame(storage, record);
    const stored = JSON.parse(storage.getItem(SAVE_KEY)!) as { checksum: string; data: string };
    const tampered = { ...stored, data: stored.data.replace('"accept":false', '"accept":true') };
    expect(tampered.data).not.toBe(stored.data);
    storage.setItem(SAVE_KEY, JSON.stringify(tampered));
    const result = loadSave(storage, LEVELS);
    expect(!result.ok && result.error.code).toBe('save/corrupt');
    expect(storage.getItem(SAVE_CORRUPT_KEY)).toBe(JSON.stringify(tampered));
    expect(storage.getItem(SETTINGS_KEY)).toBe(SETTINGS);
  });

  it("reports a well-formed save with a bad move as 'save/corrupt'", () => {
    const storage = fresh();
    writeRaw(storage, { ...record, moves: [{ type: 'PROPOSE', party: 'narnia', package: [] }] });
    const result = loadSave(storage, LEVELS);
    expect(!result.ok && result.error.code).toBe('save/corrupt');
    expect(!result.ok && result.error.message).toContain('moves.0.party');
  });

  it("reports an old version that cannot be migrated as 'save/version' and sets it aside", () => {
    const storage = fresh();
    writeRaw(storage, { ...record, version: 0 });
    const text = storage.getItem(SAVE_KEY);
    const result = loadSave(storage, LEVELS);
    expect(!result.ok && result.error.code).toBe('save/version');
    expect(!result.ok && result.error.message).toMatch(/older version/);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(storage.getItem(SAVE_CORRUPT_KEY)).toBe(text);
    expect(storage.getItem(SETTINGS_KEY)).toBe(SETTINGS);
  });

  it('never throws when storage itself fails', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadSave(broken, LEVELS).ok).toBe(false);
    const saved = saveGame(broken, record);
    expect(!saved.ok && saved.error.code).toBe('save/write');
    expect(() => clearSave(broken)).not.toThrow();
  });

  it('clears the save and nothing else', () => {
    const storage = fresh();
    saveGame(storage, record);
    clearSave(storage);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(storage.getItem(SETTINGS_KEY)).toBe(SETTINGS);
  });

  it('resumes a game in progress at the same round with the same stateHash', () => {
    const catalog = loadCatalog();
    const level = catalog.levels.get('coalition-2025') ?? [...catalog.levels.values()][0]!;
    let game = newGame(level, {
      seed: 'BCDFGH12',
      difficulty: 'normal',
      seats: seatsFor(['ukraine']),
    });
    // Ukraine plays: proposes what the computer would, rejects, passes; for two rounds.
    while (!game.outcome && game.round < 3) {
      const phase = phaseOf(game);
      const move: Move =
        phase === 'proposal'
          ? {
              type: 'PROPOSE',
              party: 'ukraine',
              package: computerProposal(level, game, 'ukraine').package,
            }
          : phase === 'responses'
            ? { type: 'RESPOND', party: 'ukraine', accept: false }
            : { type: 'SIDE_MOVE', party: 'ukraine', move: { kind: 'pass' } };
      const next = applyMove(level, game, move);
      if (!next.ok) throw new Error(next.error.message);
      game = next.value;
    }
    expect(game.moves.length).toBeGreaterThan(1);

    const storage = fresh();
    saveGame(storage, saveRecordFor(game, 'ukraine', { levelHash: 'abc' }));
    const loaded = loadSave(storage, LEVELS);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const { seed, difficulty, seats, moves } = loaded.value;
    const replayed = replayMoves(level, { seed, difficulty, seats }, moves);
    if (!replayed.ok) throw new Error(replayed.error.message);
    const resumed = replayed.value;
    expect(resumed.round).toBe(game.round);
    expect(resumed.round).toBe(loaded.value.round);
    expect(stateHash(resumed)).toBe(loaded.value.stateHash);
    expect(loaded.value.levelHash).toBe('abc');
  });
});
