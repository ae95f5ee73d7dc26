// Reading level files from disk for the command line, the benchmarks and the tests.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Level } from '../core/level/level';
import { parseLevel, type LevelError } from '../core/level/parse';
import { err, type Result } from '../core/result';

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

export function loadLevelFile(file: string): Result<Level, LevelError[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
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
  return parseLevel(text, displayPath(file));
}

/**
 * What `npm run levels:check` runs on each file: the level must load, and its `id` must equal the
 * file name (links and result codes name levels by id). Never throws: a crash while checking one
 * file becomes an error for that file, so the files after it are still checked.
 */
export function checkLevelFile(file: string): Result<Level, LevelError[]> {
  try {
    const result = loadLevelFile(file);
    if (!result.ok) return result;
    const expected = basename(file).replace(/\.json$/, '');
    if (result.value.id !== expected)
      return err([
        {
          code: 'level/id-mismatch',
          file: displayPath(file),
          path: '$.id',
          message: `the id ${JSON.stringify(result.value.id)} must equal the file name ${JSON.stringify(expected)}`,
        },
      ]);
    return result;
  } catch (e) {
    return err([
      {
        code: 'level/crash',
        file: displayPath(file),
        path: '$',
        message: `the checker failed on this file (${e instanceof Error ? e.name : 'error'}: ${String(e instanceof Error ? e.message : e).slice(0, 200)})`,
      },
    ]);
  }
}

export const loadLevel = (id: string, dir = LEVELS_DIR): Result<Level, LevelError[]> =>
  loadLevelFile(join(dir, `${id}.json`));
