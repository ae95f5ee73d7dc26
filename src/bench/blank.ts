// The baseline for scripts/bench-browser.ts: an empty Phaser game with the game's own config, loaded
// the way the game loads Phaser (a dynamic import). Built by `vite build --mode bench`, apart from the game.
import type * as PhaserTypes from 'phaser';

declare global {
  interface Window {
    __redLinesGame?: PhaserTypes.Game;
  }
}

async function start(): Promise<void> {
  const [Phaser, { baseConfig }] = await Promise.all([import('phaser'), import('../view/config')]);
  class BlankScene extends Phaser.Scene {
    constructor() {
      super('BlankScene');
    }

    create(): void {
      // One shape and one tween, so its frame rate is measured under a little work, like the table's.
      const g = this.add.graphics();
      g.fillStyle(0x3b2a1a, 1).fillEllipse(this.scale.width / 2, this.scale.height / 2, 300, 200);
      this.tweens.add({ targets: g, alpha: 0.6, duration: 900, yoyo: true, repeat: -1 });
      document.body.dataset.ready = 'menu';
    }
  }
  window.__redLinesGame = new Phaser.Game(
    baseConfig(document.getElementById('game')!, [BlankScene]),
  );
}

void start();
