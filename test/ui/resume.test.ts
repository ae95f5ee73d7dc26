// Issue 14, defects 2 and 3: saved games held to the rules, and storage that is blocked or full.
import { describe, expect, test } from 'vitest';
import { checkResume } from '../../src/app/resume';
import {
  MemoryStorage,
  STORAGE_BLOCKED_NOTICE,
  STORAGE_FULL_NOTICE,
  guardedStorage,
  localStorageOrNull,
} from '../../src/app/storage';
import { stateHash } from '../../src/core/game';
import { hashText } from '../../src/core/hash';
import { MOVES_PER_ROUND } from '../../src/core/limits';
import { applyMove, newGame } from '../../src/core/moves';
import { seatsFor } from '../../src/core/rules';
import type { Move } from '../../src/core/state';
import { loadCatalog } from '../../src/levels';
import {
  MAX_SAVE_CHARS,
  SAVE_CORRUPT_KEY,
  SAVE_KEY,
  loadSave,
  saveRecordFor,
} from '../../src/ui/saves';

const levels = loadCatalog().levels;
const level = levels.get('coalition-2025')!;

const writeRaw = (storage: Storage, data: unknown) => {
  const text = JSON.stringify(data);
  storage.setItem(SAVE_KEY, JSON.stringify({ checksum: hashText(text), data: text }));
};

/** A real game in progress, its save record, and the storage holding it. */
function saved() {
  let game = newGame(level, {
    seed: 'K7F2Q9XM',
    difficulty: 'normal',
    seats: seatsFor(['ukraine']),
  });
  const pass: Move[] = [];
  for (let step = 0; step < 6 && !game.outcome; step++) {
    const move: Move = game.table
      ? game.responses.ukraine === undefined
        ? { type: 'RESPOND', party: 'ukraine', accept: false }
        : { type: 'SIDE_MOVE', party: 'ukraine', move: { kind: 'pass' } }
      : { type: 'PROPOSE', party: 'ukraine', package: level.issues.map(() => 0) };
    const next = applyMove(level, game, move);
    if (!next.ok) break;
    pass.push(move);
    game = next.value;
  }
  const record = saveRecordFor(game, 'ukraine');
  const storage = new MemoryStorage();
  storage.setItem('redlines.settings.v1', '{"sound":false}');
  return { game, record, storage };
}

describe('saved games are held to the rules (issue 14, defect 3)', () => {
  test('a good save resumes at the same stateHash', () => {
    const { game, record, storage } = saved();
    writeRaw(storage, record);
    const check = checkResume(storage, levels);
    expect(check.kind).toBe('resume');
    if (check.kind === 'resume') expect(stateHash(check.game)).toBe(stateHash(game));
  });

  test('a lowercase seed is normalised, so the save plays the game its code replays', () => {
    const { record, storage } = saved();
    writeRaw(storage, { ...record, seed: record.seed.toLowerCase() });
    const loaded = loadSave(storage, levels);
    expect(loaded.ok && loaded.value.seed).toBe(record.seed);
  });

  test.each([
    ['an invalid seed', { seed: 'AEIOU!' }, /seed/],
    ['an unknown level', { level: 'narnia-1900' }, /no level called/],
    ['the player’s seat played by the computer', { role: 'russia' }, /computer/],
    [
      'a move by a computer seat',
      { moves: [{ type: 'RESPOND', party: 'us', accept: true }] },
      /computer seat/,
    ],
  ])('%s is set aside with a plain notice, nothing else touched', (_, change, reason) => {
    const { record, storage } = saved();
    writeRaw(storage, { ...record, ...change });
    const text = storage.getItem(SAVE_KEY);
    const check = checkResume(storage, levels);
    expect(check.kind).toBe('unreadable');
    if (check.kind === 'unreadable') expect(check.message).toMatch(reason);
    expect(storage.getItem(SAVE_KEY)).toBeNull();
    expect(storage.getItem(SAVE_CORRUPT_KEY)).toBe(text);
    expect(storage.getItem('redlines.settings.v1')).toBe('{"sound":false}');
  });

  test('a save of 60,000 moves is refused at once, before any replay', () => {
    const { record, storage } = saved();
    const moves = Array.from({ length: 60_000 }, () => ({
      type: 'RESPOND',
      party: 'ukraine',
      accept: false,
    }));
    writeRaw(storage, { ...record, moves });
    const started = performance.now();
    const check = checkResume(storage, levels);
    expect(performance.now() - started).toBeLessThan(200);
    expect(check.kind).toBe('unreadable');
  });

  test('a save is held to the engine’s move limit per level, the same as result codes', () => {
    const { record, storage } = saved();
    const bound = level.spec.deadline * MOVES_PER_ROUND;
    const moves = Array.from({ length: bound + 1 }, () => record.moves[0]!);
    writeRaw(storage, { ...record, moves });
    const check = checkResume(storage, levels);
    expect(check.kind === 'unreadable' && check.message).toContain(
      `more moves than ${bound}, the most this level allows`,
    );
  });

  test('an oversized save is removed before its head is kept, so a quota it filled is not "full"', () => {
    const { record } = saved();
    const moves = Array.from({ length: 60_000 }, () => ({
      type: 'RESPOND',
      party: 'ukraine',
      accept: false,
    }));
    // A browser's quota, set once the big save is in: room for it and a little more.
    let room = Infinity;
    const quota = new MemoryStorage();
    const setItem = quota.setItem.bind(quota);
    quota.setItem = (key, value) => {
      let used = value.length;
      for (let i = 0; i < quota.length; i++) {
        const k = quota.key(i)!;
        if (k !== key) used += quota.getItem(k)!.length;
      }
      if (used > room) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    quota.setItem('redlines.settings.v1', '{"sound":false}');
    writeRaw(quota, { ...record, moves });
    const text = quota.getItem(SAVE_KEY)!;
    expect(text.length).toBeGreaterThan(3_000_000);
    room = text.length + 100_000;
    const told: string[] = [];
    const storage = guardedStorage(quota, (m) => told.push(m));
    const check = checkResume(storage, levels);
    expect(check.kind === 'unreadable' && check.message).toMatch(/far larger than any real save/);
    expect(told).toEqual([]);
    expect(storage.inMemory).toBe(false);
    expect(quota.getItem(SAVE_KEY)).toBeNull();
    expect(quota.getItem(SAVE_CORRUPT_KEY)).toBe(text.slice(0, MAX_SAVE_CHARS));
    expect(quota.getItem('redlines.settings.v1')).toBe('{"sound":false}');
  });

  test('illegal moves or another stateHash are never resumed silently: the player chooses', () => {
    const { record, storage } = saved();
    writeRaw(storage, { ...record, stateHash: 'not-the-hash' });
    const check = checkResume(storage, levels);
    expect(check.kind).toBe('mismatch');
    if (check.kind === 'mismatch') {
      expect(check.reason).toMatch(/no longer lead/);
      expect(check.oldCode?.length).toBeGreaterThan(10);
      expect(check.params.seed).toBe(record.seed);
    }
    const illegal = saved();
    writeRaw(illegal.storage, {
      ...illegal.record,
      moves: [...illegal.record.moves, { type: 'PROPOSE', party: 'ukraine', package: [99] }],
    });
    const refused = checkResume(illegal.storage, levels);
    expect(refused.kind).toBe('mismatch');
    if (refused.kind === 'mismatch') expect(refused.reason).toMatch(/refused/);
  });
});

describe('storage blocked or full (issue 14, defect 2)', () => {
  test('a blocked storage getter gives null, and the game says once that it plays in memory', () => {
    const blocked = Object.defineProperty({}, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    }) as { localStorage: Storage };
    expect(localStorageOrNull(blocked)).toBeNull();
    const told: string[] = [];
    const storage = guardedStorage(null, (m) => told.push(m));
    storage.setItem('k', 'v');
    storage.setItem('k', 'w');
    expect(storage.getItem('k')).toBe('w');
    expect(told).toEqual([STORAGE_BLOCKED_NOTICE]);
  });

  test('a full storage is reported once, not once per move', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const told: string[] = [];
    const storage = guardedStorage(full, (m) => told.push(m));
    for (let i = 0; i < 12; i++) storage.setItem(SAVE_KEY, String(i));
    expect(told).toEqual([STORAGE_FULL_NOTICE]);
    expect(storage.getItem(SAVE_KEY)).toBe('11');
  });
});
