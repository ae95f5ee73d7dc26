// What every part of the live server shares in one process: the store, the levels and the pacing.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Level } from '../src/core/level/level';
import { levelIds, loadLevel } from '../src/node/levels';
import { openStore, type Store } from './store';
import { CLASS_CODE_ALPHABET } from './protocol';

export interface LiveConfig {
  /** Milliseconds between computer moves, so people can follow them; 0 in tests and benches. */
  computerDelayMs: number;
}

export interface LiveContext {
  store: Store;
  levels: ReadonlyMap<string, Level>;
  config: LiveConfig;
}

let current: LiveContext | null = null;

export function loadLevels(): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const id of levelIds()) {
    const loaded = loadLevel(id);
    if (loaded.ok) levels.set(id, loaded.value);
  }
  return levels;
}

export function setContext(options: { store?: Store; config?: Partial<LiveConfig> } = {}) {
  current = {
    store: options.store ?? openStore(),
    levels: loadLevels(),
    config: { computerDelayMs: 900, ...options.config },
  };
  return current;
}

export function context(): LiveContext {
  if (!current) throw new Error('live server: setContext() was not called');
  return current;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const newToken = () => randomBytes(18).toString('base64url');
/** A class code: 6 characters with no vowels (so no words), from a cryptographic source. */
export const newClassCode = () =>
  Array.from({ length: 6 }, () => CLASS_CODE_ALPHABET[randomInt(CLASS_CODE_ALPHABET.length)]).join(
    '',
  );
