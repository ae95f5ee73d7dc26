// @vitest-environment happy-dom
// The teacher store: read field by field with zod; an unreadable store is copied aside before the
// page writes over it; blocked storage and a full quota are each reported once (#14).
import { describe, expect, test } from 'vitest';
import {
  CORRUPT_KEY,
  STORAGE_KEY,
  browserStorage,
  loadStore,
  openTeacherStorage,
  saveStore,
} from '../../src/ui/teacher/store';

const LEVELS = ['coalition-2025', 'mini'];
const fresh = () => 'KKKKKKKK';

/** A storage that holds text in a Map and can be told to refuse writes (a full quota). */
function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  let full = false;
  return {
    data,
    fill: (value: boolean) => (full = value),
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}

describe('loadStore', () => {
  test('keeps each valid field and replaces only the bad ones', () => {
    const text = JSON.stringify({
      version: 1,
      settings: { level: 'mini', seed: 'k7f2q9xm', difficulty: 'expert', timer: 12.4 },
      codes: 'Ada: 1.x',
    });
    expect(loadStore(text, LEVELS, fresh)).toEqual({
      corrupt: true,
      store: {
        settings: {
          level: 'mini',
          seed: 'K7F2Q9XM',
          difficulty: 'normal',
          seating: 'same',
          role: 'ukraine',
          timer: 12,
        },
        codes: 'Ada: 1.x',
      },
    });
  });

  test.each([
    ['not JSON', '{"version":1'],
    ['another version', JSON.stringify({ version: 2, settings: {}, codes: '' })],
    ['an array', '[]'],
    ['a level no longer known', saveStore({ ...loadStore(null, ['gone'], fresh).store })],
  ])('calls %s corrupt', (_, text) => {
    expect(loadStore(text, LEVELS, fresh).corrupt).toBe(true);
  });

  test('a clean store is not corrupt, and nothing stored is not either', () => {
    const { store } = loadStore(null, LEVELS, fresh);
    expect(loadStore(saveStore(store), LEVELS, fresh)).toEqual({ store, corrupt: false });
    expect(loadStore(null, LEVELS, fresh).corrupt).toBe(false);
  });
});

describe('openTeacherStorage', () => {
  test('copies a corrupt store aside before writing, and says so (#14)', () => {
    const storage = memory({ [STORAGE_KEY]: '{"version":1,"codes":"Ada: 1.x"' });
    const opened = openTeacherStorage(storage, LEVELS, fresh);
    expect(opened.problem).toBe('corrupt-kept');
    expect(storage.data.get(CORRUPT_KEY)).toBe('{"version":1,"codes":"Ada: 1.x"');
    expect(opened.save(opened.initial)).toBe('corrupt-kept');
    expect(loadStore(storage.data.get(STORAGE_KEY)!, LEVELS, fresh).corrupt).toBe(false);
  });

  test('never writes over a corrupt store it could not copy', () => {
    const storage = memory({ [STORAGE_KEY]: 'garbage' });
    storage.fill(true);
    const opened = openTeacherStorage(storage, LEVELS, fresh);
    expect(opened.problem).toBe('corrupt-unsaved');
    storage.fill(false);
    expect(opened.save(opened.initial)).toBe('corrupt-unsaved');
    expect(storage.data.get(STORAGE_KEY)).toBe('garbage');
  });

  test('a full quota is one problem until a write succeeds again', () => {
    const storage = memory();
    const opened = openTeacherStorage(storage, LEVELS, fresh);
    expect(opened.problem).toBeNull();
    storage.fill(true);
    expect(opened.save(opened.initial)).toBe('quota');
    expect(opened.save(opened.initial)).toBe('quota');
    storage.fill(false);
    expect(opened.save(opened.initial)).toBeNull();
  });

  test('no storage: memory only, said as "blocked"', () => {
    const opened = openTeacherStorage(null, LEVELS, fresh);
    expect(opened.problem).toBe('blocked');
    expect(opened.save(opened.initial)).toBe('blocked');
    expect(opened.initial.settings.seed).toBe('KKKKKKKK');
  });
});

test('browserStorage gives null, without throwing, when both getters throw (#14)', () => {
  const blocked = {} as Window;
  for (const name of ['localStorage', 'sessionStorage'])
    Object.defineProperty(blocked, name, {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  expect(browserStorage(blocked)).toBeNull();
  expect(browserStorage(null)).toBeNull();
  const session = { sessionStorage: memory() } as unknown as Window;
  Object.defineProperty(session, 'localStorage', {
    get() {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    },
  });
  expect(browserStorage(session)).toBe(
    (session as unknown as { sessionStorage: unknown }).sessionStorage,
  );
});
