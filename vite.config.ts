/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: 'assets',
  base: './',
  build: {
    target: 'es2022',
    manifest: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Vite 8 (Rolldown): Phaser gets a chunk of its own, cached apart from the game code.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
