// Site storage that never throws. When the browser blocks site data (the getter itself throws a
// SecurityError) the game keeps everything in memory; when storage is full, writes fail. Either
// way the player is told once, never once per move.
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** A Storage kept in memory, for a page whose browser keeps no site data. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

export const STORAGE_BLOCKED_NOTICE =
  'This browser keeps no site data here, so nothing is saved: the game works, but a reload starts afresh.';
export const STORAGE_FULL_NOTICE =
  'The browser’s storage for this site is full, so the game is no longer being saved; it goes on in memory.';

/** The page's localStorage, or null when the browser blocks it (or it does not work). */
export function localStorageOrNull(win: { readonly localStorage: Storage }): Storage | null {
  try {
    const storage = win.localStorage;
    // Some blocked profiles hand out a storage whose every call throws.
    storage.getItem('redlines.probe');
    return storage;
  } catch {
    return null;
  }
}

/**
 * Wraps a storage so that failed writes are reported once through `onProblem`, and further
 * writes go to memory. Reads fall back to what was written in memory.
 */
export function guardedStorage(
  storage: StorageLike | null,
  onProblem: (message: string) => void,
): StorageLike & { readonly inMemory: boolean } {
  const memory = new MemoryStorage();
  let backing: StorageLike | null = storage;
  let told = false;
  const tell = (message: string) => {
    if (told) return;
    told = true;
    onProblem(message);
  };
  if (!storage) tell(STORAGE_BLOCKED_NOTICE);
  return {
    get inMemory() {
      return backing === null;
    },
    getItem(key) {
      if (memory.getItem(key) !== null || !backing) return memory.getItem(key);
      try {
        return backing.getItem(key);
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      if (backing)
        try {
          backing.setItem(key, value);
          return;
        } catch {
          // Full: an older copy left behind would resume an earlier position, so drop it.
          try {
            backing.removeItem(key);
          } catch {
            // Nothing more to do.
          }
          backing = null;
          tell(STORAGE_FULL_NOTICE);
        }
      memory.setItem(key, value);
    },
    removeItem(key) {
      memory.removeItem(key);
      try {
        backing?.removeItem(key);
      } catch {
        // Nothing to remove from a blocked storage.
      }
    },
  };
}
