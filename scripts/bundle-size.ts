// What a first visit downloads, in gzip KB, from the build manifest `vite build` writes. Shared by
// scripts/check-bundle.ts (the budget in `npm test`) and scripts/bench-browser.ts (the report).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface BundleReport {
  firstLoadKb: number;
  /** `name` is the chunk's name (`phaser` for Phaser's own); `src` the module a dynamic entry starts at. */
  chunks: { file: string; name?: string; src?: string; gzipKb: number; firstLoad: boolean }[];
}

export function bundleReport(dist = 'dist'): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const gzipKb = (file: string) =>
    gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;

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
      name: c.name,
      src: c.src,
      gzipKb: Math.round(gzipKb(c.file) * 10) / 10,
      firstLoad: firstLoad.has(key),
    }));
  const firstLoadKb =
    Math.round(chunks.filter((c) => c.firstLoad).reduce((s, c) => s + c.gzipKb, 0) * 10) / 10;
  return { firstLoadKb, chunks };
}
