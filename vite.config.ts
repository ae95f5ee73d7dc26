// The game's build. Phaser is trimmed to what the game draws with (build/phaser-lite.ts) and split
// into a chunk of its own; level files ship without whitespace (build/compact-levels.ts); the
// service worker and web manifest come from build/pwa.ts. Tests are
// configured in vitest.config.ts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compactLevels } from './build/compact-levels.ts';
import { phaserChunk, phaserLite, phaserLiteOnLog } from './build/phaser-lite.ts';
import { buildIdDefine, offline } from './build/pwa.ts';

const browserBuild = {
  target: 'es2022',
  chunkSizeWarningLimit: 1000,
};

export default defineConfig(({ mode }) =>
  mode === 'bench'
    ? {
        // `vite build --mode bench`: the blank Phaser page for scripts/bench-browser.ts, apart from the game.
        root: 'bench',
        base: './',
        publicDir: false,
        plugins: [phaserLite()],
        build: {
          ...browserBuild,
          outDir: '../dist/bench',
          emptyOutDir: true,
          rolldownOptions: {
            input: fileURLToPath(new URL('bench/blank.html', import.meta.url)),
            output: phaserChunk,
            onLog: phaserLiteOnLog,
          },
        },
      }
    : {
        publicDir: 'assets',
        base: './',
        define: buildIdDefine(),
        plugins: [compactLevels(), phaserLite(), offline()],
        build: {
          ...browserBuild,
          manifest: true,
          rolldownOptions: { output: phaserChunk, onLog: phaserLiteOnLog },
        },
        server: { port: 5173, host: '127.0.0.1' },
        preview: { port: 4173, host: '127.0.0.1' },
      },
);
