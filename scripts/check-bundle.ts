// Fails when the JavaScript a first visit downloads exceeds the budget (gzip), after `vite build`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
const manifest = JSON.parse(readFileSync('dist/.vite/manifest.json', 'utf8')) as Record<
  string,
  Chunk
>;
const gzipKb = (file: string) =>
  gzipSync(readFileSync(join('dist', file)), { level: 9 }).length / 1024;

// First load: the entry and everything it imports statically, transitively.
const firstLoad = new Set<string>();
const visit = (key: string) => {
  if (firstLoad.has(key)) return;
  firstLoad.add(key);
  for (const next of manifest[key]?.imports ?? []) visit(next);
};
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);

const chunks = Object.entries(manifest)
  .filter(([, c]) => c.file.endsWith('.js'))
  .map(([key, c]) => ({
    file: c.file,
    gzipKb: Math.round(gzipKb(c.file) * 10) / 10,
    firstLoad: firstLoad.has(key),
  }));
const firstLoadKb =
  Math.round(chunks.filter((c) => c.firstLoad).reduce((s, c) => s + c.gzipKb, 0) * 10) / 10;
console.log(JSON.stringify({ budgetKb: BUDGET_KB, firstLoadKb, chunks }, null, 2));
if (firstLoadKb > BUDGET_KB) {
  console.error(`first-load JavaScript is ${firstLoadKb} KB gzip, over the ${BUDGET_KB} KB budget`);
  process.exit(1);
}
