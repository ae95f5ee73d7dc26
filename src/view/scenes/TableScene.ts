import * as Phaser from 'phaser';
import type { Party } from '../../core/parties';
import type { ViewBus } from '../bus';
import type { DelegationView, Mood, TableView } from '../model';

export const PARTY_COLOURS: Record<Party, number> = {
  us: 0x4c8bf5,
  europe: 0xf0c419,
  russia: 0xe5533d,
  ukraine: 0x2ec4b6,
};

const MOOD_COLOURS: Record<Mood, number> = {
  pleased: 0x5fd35f,
  neutral: 0xc9d1d9,
  uneasy: 0xf0a030,
  angry: 0xe5533d,
};
const FONT = 'system-ui, -apple-system, "Segoe UI", sans-serif';

/** Where each delegation sits, as fractions of the scene, and where its speech goes. */
const SEATS: Record<Party, { x: number; y: number; bubble: 'below' | 'right' | 'above' }> = {
  europe: { x: 0.5, y: 0.13, bubble: 'right' },
  us: { x: 0.13, y: 0.42, bubble: 'below' },
  russia: { x: 0.87, y: 0.42, bubble: 'below' },
  ukraine: { x: 0.5, y: 0.86, bubble: 'right' },
};

export class TableScene extends Phaser.Scene {
  private view: TableView | null = null;
  private layer: Phaser.GameObjects.GameObject[] = [];
  private halo: Phaser.GameObjects.Graphics | null = null;

  constructor() {
    super('TableScene');
  }

  create(): void {
    const bus = this.registry.get('bus') as ViewBus;
    const off = bus.on('table', (view) => {
      this.view = view;
      this.redraw();
    });
    const onResize = () => this.redraw();
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
    });
    if (!this.view) this.redraw();
  }

  private clear(): void {
    for (const object of this.layer) object.destroy();
    this.layer = [];
    this.halo = null;
    this.tweens.killAll();
  }

  private keep<T extends Phaser.GameObjects.GameObject>(object: T): T {
    this.layer.push(object);
    return object;
  }

  private redraw(): void {
    this.clear();
    const { width, height } = this.scale;
    const small = Math.min(width, height) < 560;
    const table = this.keep(this.add.graphics());
    table.fillStyle(0x3b2a1a, 1).fillEllipse(width / 2, height / 2, width * 0.5, height * 0.46);
    table
      .lineStyle(3, 0x8a6a45, 1)
      .strokeEllipse(width / 2, height / 2, width * 0.5, height * 0.46);
    const view = this.view;
    if (!view) {
      this.keep(
        this.text(width / 2, height / 2, 'The delegations are taking their seats.', 16),
      ).setOrigin(0.5);
      return;
    }
    this.keep(
      this.text(
        16,
        12,
        `Round ${view.round} / ${view.deadline}   ·   ${view.pressureLabel}: ${view.pressure.toLocaleString('en')}   ·   fortification ${view.fortification}%`,
        small ? 12 : 15,
      ),
    );
    this.drawPackage(view, width, height, small);
    for (const delegation of view.delegations)
      this.drawDelegation(delegation, width, height, small);
  }

  private text(
    x: number,
    y: number,
    content: string,
    size: number,
    style: Phaser.Types.GameObjects.Text.TextStyle = {},
  ) {
    return this.add.text(x, y, content, {
      fontFamily: FONT,
      fontSize: `${size}px`,
      color: '#e0e6ed',
      ...style,
    });
  }

  private drawPackage(view: TableView, width: number, height: number, small: boolean): void {
    const lines = view.tablePackage ?? [];
    if (lines.length === 0) {
      this.keep(
        this.text(width / 2, height / 2, 'Nothing on the table yet', small ? 13 : 16, {
          color: '#c8b89a',
        }),
      ).setOrigin(0.5);
      return;
    }
    const size = Math.max(10, Math.min(15, Math.floor((height * 0.4) / (lines.length + 1) / 1.35)));
    const body = lines.map((l) => `${l.issue}: ${l.option}`).join('\n');
    this.keep(
      this.text(width / 2, height / 2, body, size, {
        align: 'center',
        color: '#f3ead8',
        wordWrap: { width: width * 0.42 },
        lineSpacing: 2,
      }),
    ).setOrigin(0.5);
  }

  private drawDelegation(d: DelegationView, width: number, height: number, small: boolean): void {
    const seat = SEATS[d.party];
    const x = seat.x * width;
    const y = seat.y * height;
    const radius = small ? 18 : 26;
    const colour = PARTY_COLOURS[d.party];
    if (d.isProposer) {
      const halo = this.keep(this.add.graphics());
      halo.lineStyle(3, 0xffffff, 0.9).strokeCircle(x, y, radius + 8);
      this.halo = halo;
      this.tweens.add({
        targets: halo,
        alpha: { from: 1, to: 0.35 },
        duration: 900,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
    }
    const g = this.keep(this.add.graphics());
    g.fillStyle(colour, 1).fillCircle(x, y, radius);
    g.lineStyle(3, MOOD_COLOURS[d.mood], 1).strokeCircle(x, y, radius + 2);
    // The face: eyes and a mouth that bends with the mood.
    g.fillStyle(0x0d1b2a, 1)
      .fillCircle(x - radius * 0.32, y - radius * 0.2, radius * 0.1)
      .fillCircle(x + radius * 0.32, y - radius * 0.2, radius * 0.1);
    const bend = { pleased: 0.25, neutral: 0, uneasy: -0.12, angry: -0.28 }[d.mood];
    g.lineStyle(2, 0x0d1b2a, 1);
    g.beginPath();
    g.moveTo(x - radius * 0.4, y + radius * 0.3);
    g.lineTo(x, y + radius * (0.3 + bend));
    g.lineTo(x + radius * 0.4, y + radius * 0.3);
    g.strokePath();
    const label = `${d.name}${d.isYou ? ' (you)' : ''}`;
    this.keep(
      this.text(x, y + radius + 6, label, small ? 12 : 15, {
        fontStyle: d.isYou ? 'bold' : 'normal',
      }),
    ).setOrigin(0.5, 0);
    if (d.response) {
      const badge = d.response === 'accept' ? '✓ accepts' : '✗ rejects';
      this.keep(
        this.text(x, y - radius - 6, badge, small ? 11 : 13, {
          color: d.response === 'accept' ? '#5fd35f' : '#ff7b6b',
        }),
      ).setOrigin(0.5, 1);
    }
    if (d.speech) this.drawBubble(d.speech, x, y, radius, seat.bubble, width, height, small);
  }

  private drawBubble(
    speech: string,
    x: number,
    y: number,
    radius: number,
    where: 'below' | 'right' | 'above',
    width: number,
    height: number,
    small: boolean,
  ): void {
    const wrap = Math.min(width * 0.22, 260);
    const text = this.text(0, 0, speech, small ? 11 : 13, {
      color: '#0d1b2a',
      wordWrap: { width: wrap },
    });
    const pad = 6;
    const w = text.width + pad * 2;
    const h = text.height + pad * 2;
    let bx = where === 'right' ? x + radius + 14 : x - w / 2;
    let by =
      where === 'below' ? y + radius + 28 : where === 'above' ? y - radius - 24 - h : y - h / 2;
    bx = Phaser.Math.Clamp(bx, 4, width - w - 4);
    by = Phaser.Math.Clamp(by, 30, height - h - 4);
    const g = this.keep(this.add.graphics());
    g.fillStyle(0xf5f1e6, 0.95).fillRoundedRect(bx, by, w, h, 6);
    text.setPosition(bx + pad, by + pad);
    this.keep(text);
    text.setDepth(1);
  }
}
