import * as Phaser from 'phaser';

export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  preload(): void {
    const { width, height } = this.scale;
    const barWidth = Math.min(360, width * 0.6);
    const x = (width - barWidth) / 2;
    const y = height / 2;
    this.add
      .text(width / 2, y - 28, 'Loading the map…', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '16px',
        color: '#e0e6ed',
      })
      .setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, 0x8aa4c0, 1).strokeRect(x, y, barWidth, 14);
    const bar = this.add.graphics();
    this.load.on(Phaser.Loader.Events.PROGRESS, (value: number) => {
      bar
        .clear()
        .fillStyle(0xf0c419, 1)
        .fillRect(x + 2, y + 2, (barWidth - 4) * value, 10);
    });
    this.load.json('europe-map', 'map/europe.json');
  }

  create(): void {
    this.registry.set('loaded', true);
    const view = (this.registry.get('view') as 'table' | 'map' | undefined) ?? 'table';
    this.scene.start(view === 'map' ? 'MapScene' : 'TableScene');
  }
}
