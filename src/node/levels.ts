// Reading level files from disk for the command line, the benchmarks and the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Level } from '../core/level/level';
import { parseLevel, parseLevelFile, type LevelError } from '../core/level/parse';
import { err, ok, type Result } from '../core/result';

export const LEVELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../levels');

const displayPath = (file: string) => relative(process.cwd(), file) || file;

/** Level files in levels/ (every *.json but the schema), sorted by name. */
export const levelFiles = (dir = LEVELS_DIR): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .map((name) => join(dir, name));

export const levelIds = (dir = LEVELS_DIR): string[] =>
  levelFiles(dir).map((f) => basename(f, '.json'));

/** Reads a file's text, or an error naming the file when it cannot be read. */
function readLevelText(file: string): Result<string, LevelError[]> {
  try {
    return ok(readFileSync(file, 'utf8'));
  } catch (e) {
    return err([
      {
        code: 'level/invalid-json',
        file: displayPath(file),
        path: '$',
        message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      },
    ]);
  }
}

/** Loads a level file without checking its id against the file name (test fixtures). */
export function loadLevelFile(file: string): Result<Level, LevelError[]> {
  const text = readLevelText(file);
  return text.ok ? parseLevel(text.value, displayPath(file)) : text;
}

/**
 * What `npm run levels:check` runs on each file: `parseLevelFile`, the same check the browser's
 * level list makes (the level loads, its id equals the file name, and a crash is an error).
 */
export function checkLevelFile(file: string): Result<Level, LevelError[]> {
  const text = readLevelText(file);
  return text.ok ? parseLevelFile(text.value, displayPath(file)) : text;
}

export const loadLevel = (id: string, dir = LEVELS_DIR): Result<Level, LevelError[]> =>
  loadLevelFile(join(dir, `${id}.json`));
