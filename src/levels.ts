// The browser's level catalog: the same files and the same check as `levels:check`
// (`parseLevelFile`: the level loads and its id equals the file name). A file that fails is left
// out of the menu and reported as a plain line naming it; it never stops the page.
import type { Level } from './core/level/level';
import { formatLevelError, parseLevelFile } from './core/level/parse';

// The schema (levels/schema.json) is for editors and the CLI: the parser carries its own rules.
const files = import.meta.glob<string>(['../levels/*.json', '!../levels/schema.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface Catalog {
  readonly levels: ReadonlyMap<string, Level>;
  /** Levels that failed validation, as plain-text lines. */
  readonly problems: readonly string[];
}

/** The shipped levels (those in levels/). */
export const loadCatalog = (): Catalog => catalogFrom(files);

/** A catalog from level files' texts, keyed by path; `schema.json` is not a level. */
export function catalogFrom(texts: Readonly<Record<string, string>>): Catalog {
  const levels = new Map<string, Level>();
  const problems: string[] = [];
  for (const [path, text] of Object.entries(texts)) {
    if (path.endsWith('/schema.json')) continue;
    const result = parseLevelFile(text, path.replace(/^\.\.\//, ''));
    if (result.ok) levels.set(result.value.id, result.value);
    else problems.push(...result.error.map(formatLevelError));
  }
  const sorted = [...levels.values()].sort(
    (a, b) => (a.spec.menuOrder ?? 99) - (b.spec.menuOrder ?? 99) || a.spec.year - b.spec.year,
  );
  return { levels: new Map(sorted.map((l) => [l.id, l])), problems };
}
