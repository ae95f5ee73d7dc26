// The browser's level catalog: the same files and the same parser as the CLI and the tests.
import type { Level } from './core/level/level';
import { formatLevelError, parseLevel } from './core/level/parse';

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

export function loadCatalog(): Catalog {
  const levels = new Map<string, Level>();
  const problems: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    const result = parseLevel(text, path.replace(/^\.\.\//, ''));
    if (result.ok) levels.set(result.value.id, result.value);
    else problems.push(...result.error.map(formatLevelError));
  }
  const sorted = [...levels.values()].sort(
    (a, b) => (a.spec.menuOrder ?? 99) - (b.spec.menuOrder ?? 99) || a.spec.year - b.spec.year,
  );
  return { levels: new Map(sorted.map((l) => [l.id, l])), problems };
}
