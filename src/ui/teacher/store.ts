// What the teacher page keeps in the browser: the class settings and the text of the codes box.
// Read with zod, field by field: a value that is no longer valid falls back to its default and the
// rest is kept. A stored text that does not read cleanly is never overwritten silently: it is
// copied under CORRUPT_KEY first and the page says so. When the browser blocks site data, the page
// works in memory and says once that nothing will be saved; a full quota is reported once too.
import { z } from 'zod';
import { DEFAULT_DIFFICULTY, DEFAULT_LEVEL, DEFAULT_ROLE } from '../../core/params';
import { DIFFICULTIES, PARTIES } from '../../core/parties';
import { parseSeed } from '../../core/seed';
import { MAX_INPUT, STORAGE_KEY, clampTimer, type TeacherStore } from '../teacherData';

export { STORAGE_KEY };
/** Where an unreadable store is copied before the page writes its own. */
export const CORRUPT_KEY = `${STORAGE_KEY}.corrupt`;

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

/** Why the page cannot keep its list, as shown to the teacher; null when all is well. */
export type StorageProblem = 'blocked' | 'quota' | 'corrupt-kept' | 'corrupt-unsaved';

export const STORAGE_MESSAGES: Record<StorageProblem, string> = {
  blocked:
    'This browser blocks site data, so nothing on this page will be saved. Export the CSV before you close it.',
  quota:
    'The browser’s storage is full, so the latest changes are not saved. Export the CSV before you close the page.',
  'corrupt-kept': `The list saved in this browser could not be read, so the page started again from what it could use. The old text is kept in this browser’s storage under “${CORRUPT_KEY}”.`,
  'corrupt-unsaved':
    'The list saved in this browser could not be read or copied, so this page will not save over it. Export the CSV before you close the page.',
};

function settingsSchema(levels: readonly string[], freshSeed: () => string) {
  const fallbackLevel = levels.includes(DEFAULT_LEVEL) ? DEFAULT_LEVEL : (levels[0] ?? '');
  return z.object({
    level: z
      .string()
      .refine((id) => levels.includes(id))
      .catch(fallbackLevel),
    seed: z
      .string()
      .transform((text, ctx) => {
        const seed = parseSeed(text);
        if (seed.ok) return seed.value;
        ctx.addIssue({ code: 'custom', message: seed.error.message });
        return z.NEVER;
      })
      .catch(() => freshSeed()),
    difficulty: z.enum(DIFFICULTIES).catch(DEFAULT_DIFFICULTY),
    seating: z.enum(['same', 'rotate']).catch('same'),
    role: z.enum(PARTIES).catch(DEFAULT_ROLE),
    timer: z.number().transform(clampTimer).catch(0),
  });
}

/** The shape a clean store has; anything else is kept aside before the page writes over it. */
const cleanStore = z.strictObject({
  version: z.literal(1),
  settings: z.strictObject({
    level: z.string(),
    seed: z.string(),
    difficulty: z.enum(DIFFICULTIES),
    seating: z.enum(['same', 'rotate']),
    role: z.enum(PARTIES),
    timer: z.number(),
  }),
  codes: z.string(),
});

export interface LoadedStore {
  readonly store: TeacherStore;
  /** True when there was a stored text that did not read cleanly. */
  readonly corrupt: boolean;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Reads what the page stored, keeping each value only if it is still valid: an unknown level, a
 * bad seed or anything else falls back to a default (a fresh seed from `freshSeed`).
 */
export function loadStore(
  text: string | null,
  levels: readonly string[],
  freshSeed: () => string,
): LoadedStore {
  const data = text === null ? undefined : parseJson(text);
  const settings = settingsSchema(levels, freshSeed);
  const schema = z.object({
    version: z.literal(1),
    settings: settings.catch(() => settings.parse({})),
    codes: z
      .string()
      .transform((codes) => codes.slice(0, MAX_INPUT))
      .catch(''),
  });
  const parsed = schema.safeParse(data);
  const store: TeacherStore = parsed.success
    ? { settings: parsed.data.settings, codes: parsed.data.codes }
    : { settings: settings.parse({}), codes: '' };
  const clean = cleanStore.safeParse(data);
  const corrupt =
    text !== null &&
    (!clean.success || JSON.stringify(clean.data.settings) !== JSON.stringify(store.settings));
  return { store, corrupt };
}

export const saveStore = (store: TeacherStore): string =>
  JSON.stringify({ version: 1, settings: store.settings, codes: store.codes.slice(0, MAX_INPUT) });

/**
 * The browser's storage for the page, or null when site data is blocked. The getters themselves
 * throw a SecurityError in that case, for sessionStorage as for localStorage.
 */
export function browserStorage(win: Window | null): Storage | null {
  if (!win) return null;
  for (const name of ['localStorage', 'sessionStorage'] as const) {
    try {
      const storage = win[name];
      if (storage) return storage;
    } catch {
      // Blocked: try the next one.
    }
  }
  return null;
}

export interface TeacherStorage {
  /** The settings and codes to start from. */
  readonly initial: TeacherStore;
  /** Writes the store; returns the problem to show, if any (the same one until it is solved). */
  save(store: TeacherStore): StorageProblem | null;
  /** The problem found when the page opened, if any. */
  readonly problem: StorageProblem | null;
}

/** Opens the page's store over `storage` (null: blocked, memory only). */
export function openTeacherStorage(
  storage: StorageLike | null,
  levels: readonly string[],
  freshSeed: () => string,
): TeacherStorage {
  if (!storage) {
    const { store } = loadStore(null, levels, freshSeed);
    return { initial: store, problem: 'blocked', save: () => 'blocked' };
  }
  let text: string | null;
  let readable = true;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch {
    text = null;
    readable = false;
  }
  const { store, corrupt } = loadStore(text, levels, freshSeed);
  if (!readable) return { initial: store, problem: 'blocked', save: () => 'blocked' };
  let problem: StorageProblem | null = null;
  let writable = true;
  if (corrupt && text !== null) {
    try {
      storage.setItem(CORRUPT_KEY, text);
      problem = 'corrupt-kept';
    } catch {
      // The copy failed: never write over the only one.
      problem = 'corrupt-unsaved';
      writable = false;
    }
  }
  const opening = problem;
  return {
    initial: store,
    problem,
    save(next) {
      if (!writable) return 'corrupt-unsaved';
      try {
        storage.setItem(STORAGE_KEY, saveStore(next));
        return opening === 'corrupt-kept' ? opening : null;
      } catch {
        return 'quota';
      }
    },
  };
}
