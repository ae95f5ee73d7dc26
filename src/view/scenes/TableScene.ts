import * as Phaser from 'phaser';
import type { Party } from '../../core/parties';
import type { ViewBus } from '../bus';
import type { DelegationView, Mood, TableView } from '../model';
import {
  layoutScale,
  overlaps,
  placeBubble,
  seatMetrics,
  tableLayout,
  type Rect,
  type Seat,
  type TableLayout,
} from '../tableLayout';

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
  angry: 0xff6b5b,
};
const PHASES: Record<string, string> = {
  briefing: 'Briefing',
  proposal: 'Proposal',
  responses: 'Responses',
  sideMoves: 'Side moves',
  roundEnd: 'News',
  signed: 'Signed',
  collapsed: 'Talks collapsed',
};
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const INK = '#0d1b2a';
const TEXT = '#e0e6ed';
const MUTED = '#a9b8c8';
const PAPER = 0xf5f1e6;
const WOOD = 0x3b2a1a;
const WOOD_EDGE = 0x8a6a45;
const GOLD = 0xf0c419;
const BUBBLE_PAD = 7;
const MIN_FONT = 10;

const reducedMotion = (): boolean => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The diplomatic table: four delegations around an oval table, their moods, latest speech and
 * answers, the package on the table and the round clock. It only reads `TableView`s from the bus.
 */
export class TableScene extends Phaser.Scene {
  private view: TableView | null = null;
  private objects: Phaser.GameObjects.GameObject[] = [];
  private dirty = false;

  constructor() {
    super('TableScene');
  }

  create(): void {
    const bus = this.registry.get('bus') as ViewBus;
    const off = bus.on('table', (view) => {
      this.view = view;
      this.requestRedraw();
    });
    const onResize = () => this.requestRedraw();
    const onWake = () => {
      if (this.dirty) this.redraw();
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.events.on(Phaser.Scenes.Events.WAKE, onWake);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      this.events.off(Phaser.Scenes.Events.WAKE, onWake);
      this.clear();
    });
    if (!this.view) this.redraw();
  }

  /** A sleeping scene (the map is showing) redraws when it wakes, not on every update. */
  private requestRedraw(): void {
    if (this.sys.isSleeping()) this.dirty = true;
    else this.redraw();
  }

  private clear(): void {
    this.tweens.killAll();
    for (const object of this.objects) object.destroy();
    this.objects = [];
  }

  private keep<T extends Phaser.GameObjects.GameObject>(object: T): T {
    this.objects.push(object);
    return object;
  }

  private text(
    x: number,
    y: number,
    content: string,
    size: number,
    style: Phaser.Types.GameObjects.Text.TextStyle = {},
  ) {
    return this.keep(
      this.add.text(x, y, content, {
        fontFamily: FONT,
        fontSize: `${Math.round(size)}px`,
        color: TEXT,
        ...style,
      }),
    );
  }

  private redraw(): void {
    this.dirty = false;
    this.clear();
    const { width, height } = this.scale;
    const view = this.view;
    const scale = layoutScale(width, height);
    const labelHalfWidth = view ? this.widestLabel(view, scale) / 2 : 60;
    const layout = tableLayout(width, height, { labelHalfWidth });
    this.drawTable(layout);
    if (!view) {
      this.text(
        layout.table.cx,
        layout.table.cy,
        'The delegations are taking their seats.',
        15 * scale,
        {
          color: '#f3ead8',
        },
      ).setOrigin(0.5);
      return;
    }
    this.drawClock(view, layout);
    this.drawPackage(view, layout);
    for (const delegation of view.delegations) this.drawDelegation(delegation, layout);
  }

  private nameOf(d: DelegationView): string {
    return d.isYou ? `${d.name} (you)` : d.name;
  }

  private widestLabel(view: TableView, scale: number): number {
    const probe = this.add.text(0, 0, '', {
      fontFamily: FONT,
      fontSize: `${Math.round(14 * scale)}px`,
      fontStyle: 'bold',
    });
    let widest = 0;
    for (const d of view.delegations)
      widest = Math.max(widest, probe.setText(this.nameOf(d)).width);
    probe.destroy();
    return widest;
  }

  private drawTable({ table }: TableLayout): void {
    const g = this.keep(this.add.graphics());
    g.fillStyle(0x000000, 0.25).fillEllipse(table.cx + 4, table.cy + 6, table.rx * 2, table.ry * 2);
    g.fillStyle(WOOD, 1).fillEllipse(table.cx, table.cy, table.rx * 2, table.ry * 2);
    g.lineStyle(3, WOOD_EDGE, 1).strokeEllipse(table.cx, table.cy, table.rx * 2, table.ry * 2);
    g.lineStyle(1, WOOD_EDGE, 0.5).strokeEllipse(
      table.cx,
      table.cy,
      table.rx * 2 - 14,
      table.ry * 2 - 14,
    );
  }

  /** Round, deadline and the pressure clock, in one line across the top. */
  private drawClock(view: TableView, layout: TableLayout): void {
    const { clock, scale } = layout;
    const size = 13 * scale;
    const g = this.keep(this.add.graphics());
    g.fillStyle(0x13263a, 0.92).fillRect(clock.x, clock.y, clock.w, clock.h);
    g.lineStyle(1, 0x2b4461, 1).lineBetween(clock.x, clock.h, clock.w, clock.h);
    const midY = clock.h / 2;
    const phase = PHASES[view.phase] ?? view.phase;
    const left = this.text(10, midY, `Round ${view.round} of ${view.deadline}  ·  ${phase}`, size, {
      fontStyle: 'bold',
    }).setOrigin(0, 0.5);
    // One segment per round to the deadline; the late ones turn red as time runs out.
    const segments = Math.max(1, view.deadline);
    const barX = left.x + left.width + 12;
    const right = this.text(
      clock.w - 10,
      midY,
      `${view.pressureLabel}: ${view.pressure.toLocaleString('en')}  ·  line fortified ${view.fortification}%`,
      size * 0.92,
      { color: MUTED },
    ).setOrigin(1, 0.5);
    const room = right.x - right.width - 12 - barX;
    if (room < segments * 6) {
      // Too narrow for the bar and the pressure line: keep the pressure line, on a second look only.
      if (room < 0) right.setVisible(false);
      return;
    }
    const segW = Math.min(22 * scale, (room - (segments - 1) * 3) / segments);
    const segH = Math.max(6, 8 * scale);
    for (let i = 0; i < segments; i++) {
      const done = i < view.round;
      const late = i >= segments * 0.7;
      const colour = done ? (late ? 0xff6b5b : GOLD) : 0x35506e;
      g.fillStyle(colour, done ? 1 : 0.8).fillRect(
        barX + i * (segW + 3),
        midY - segH / 2,
        segW,
        segH,
      );
    }
  }

  /** The package on the table: a sheet of paper with one row per issue. */
  private drawPackage(view: TableView, layout: TableLayout): void {
    const { card, scale, table } = layout;
    const lines = view.tablePackage ?? [];
    if (lines.length === 0) {
      this.text(table.cx, table.cy, 'Nothing on the table yet', 15 * scale, {
        color: '#c8b89a',
        fontStyle: 'italic',
      })
        .setOrigin(0.5)
        .setWordWrapWidth(card.w);
      return;
    }
    const proposer = view.delegations.find((d) => d.isProposer);
    const title = proposer ? `On the table, from ${proposer.name}` : 'On the table';
    const sheet = this.keep(this.add.graphics());
    const pad = Math.max(6, 9 * scale);
    const inner = { x: card.x + pad, y: card.y + pad, w: card.w - pad * 2, h: card.h - pad * 2 };
    // Try the largest font that fits: issue names on the left, options on the right.
    for (let size = Math.max(MIN_FONT, Math.round(14 * scale)); ; size--) {
      const rows = this.layoutRows(title, lines, inner, size);
      if (rows.height <= inner.h || size <= MIN_FONT) {
        const h = Math.min(card.h, rows.height + pad * 2);
        const y = card.y + (card.h - h) / 2;
        sheet.fillStyle(0x000000, 0.25).fillRoundedRect(card.x + 3, y + 4, card.w, h, 6);
        sheet.fillStyle(PAPER, 1).fillRoundedRect(card.x, y, card.w, h, 6);
        rows.place(y + pad);
        if (rows.height > inner.h) rows.clipTo(card.y + card.h - pad);
        return;
      }
      rows.destroy();
    }
  }

  private layoutRows(
    title: string,
    lines: readonly { readonly issue: string; readonly option: string }[],
    inner: Rect,
    size: number,
  ): {
    height: number;
    place: (top: number) => void;
    clipTo: (bottom: number) => void;
    destroy: () => void;
  } {
    const made: Phaser.GameObjects.Text[] = [];
    const make = (content: string, px: number, style: Phaser.Types.GameObjects.Text.TextStyle) => {
      const t = this.add.text(0, 0, content, {
        fontFamily: FONT,
        fontSize: `${px}px`,
        color: INK,
        ...style,
      });
      made.push(t);
      return t;
    };
    const heading = make(title, size, {
      fontStyle: 'bold',
      wordWrap: { width: inner.w, useAdvancedWrap: true },
    });
    const issueW = Math.round(inner.w * 0.34);
    const optionW = inner.w - issueW - 8;
    const rows = lines.map(({ issue, option }) => ({
      issue: make(issue, size - 1, {
        color: '#5a4a35',
        wordWrap: { width: issueW, useAdvancedWrap: true },
      }),
      option: make(option, size, {
        fontStyle: 'bold',
        wordWrap: { width: optionW, useAdvancedWrap: true },
      }),
    }));
    const gap = Math.max(2, size * 0.3);
    const height =
      heading.height +
      gap * 2 +
      rows.reduce((sum, r) => sum + Math.max(r.issue.height, r.option.height) + gap, -gap);
    return {
      height,
      place: (top) => {
        heading.setPosition(inner.x, top);
        let y = top + heading.height + gap * 2;
        for (const r of rows) {
          r.issue.setPosition(inner.x, y + 1);
          r.option.setPosition(inner.x + issueW + 8, y);
          y += Math.max(r.issue.height, r.option.height) + gap;
        }
        for (const t of made) this.keep(t);
      },
      clipTo: (bottom) => {
        for (const t of made) if (t.y + t.height > bottom) t.setVisible(false);
      },
      destroy: () => {
        for (const t of made) t.destroy();
      },
    };
  }

  private drawDelegation(d: DelegationView, layout: TableLayout): void {
    const { scale, radius } = layout;
    const seat = layout.seats[d.party];
    const { badge } = seatMetrics(scale);
    const { x, y } = seat;
    const colour = PARTY_COLOURS[d.party];
    const calm = reducedMotion();

    if (d.isYou) {
      const ring = this.keep(this.add.graphics());
      ring.fillStyle(GOLD, 0.18).fillCircle(x, y, radius + 8);
      ring.lineStyle(2, GOLD, 0.95).strokeCircle(x, y, radius + 8);
    }
    if (d.isProposer) {
      const halo = this.keep(this.add.graphics({ x, y }));
      halo.lineStyle(3, 0xffffff, 0.95).strokeCircle(0, 0, radius + 5);
      if (!calm)
        this.tweens.add({
          targets: halo,
          alpha: { from: 1, to: 0.3 },
          scale: { from: 1, to: 1.06 },
          duration: 1100,
          yoyo: true,
          repeat: -1,
          ease: 'Sine.easeInOut',
        });
    }

    // The face, in a container so it can breathe gently.
    const face = this.keep(this.add.container(x, y));
    const g = this.add.graphics();
    g.fillStyle(colour, 1).fillCircle(0, 0, radius);
    g.lineStyle(3, MOOD_COLOURS[d.mood], 1).strokeCircle(0, 0, radius + 1.5);
    this.drawFace(g, d.mood, radius);
    face.add(g);
    if (!calm)
      this.tweens.add({
        targets: face,
        y: y - Math.max(1, 1.5 * scale),
        duration: 1600 + (d.party.charCodeAt(0) % 5) * 170,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });

    const nameSize = 14 * scale;
    const name = this.text(x, y + radius + Math.round(10 * scale), this.nameOf(d), nameSize, {
      fontStyle: 'bold',
      color: d.isYou ? '#ffe27a' : TEXT,
    }).setOrigin(0.5, 0);
    const status = [d.mood, d.isProposer ? 'proposing' : null].filter(Boolean).join(' · ');
    this.text(x, name.y + name.height, status, 11.5 * scale, { color: MUTED }).setOrigin(0.5, 0);

    if (d.response) {
      const accept = d.response === 'accept';
      this.text(
        x,
        y - radius - 3,
        accept ? '✓ accepts' : '✗ rejects',
        Math.min(badge - 2, 13 * scale),
        {
          color: accept ? '#5fd35f' : '#ff8a7a',
          fontStyle: 'bold',
        },
      ).setOrigin(0.5, 1);
    }
    if (d.speech) this.drawBubble(d, layout);
  }

  /** Eyes, brows and a mouth that bend with the mood (readable without the colour). */
  private drawFace(g: Phaser.GameObjects.Graphics, mood: Mood, r: number): void {
    const eyeX = r * 0.34;
    const eyeY = -r * 0.18;
    g.fillStyle(0x0d1b2a, 1)
      .fillCircle(-eyeX, eyeY, r * 0.1)
      .fillCircle(eyeX, eyeY, r * 0.1);
    g.lineStyle(Math.max(2, r * 0.09), 0x0d1b2a, 1);
    if (mood === 'angry' || mood === 'uneasy') {
      const tilt = mood === 'angry' ? r * 0.14 : -r * 0.06;
      g.lineBetween(
        -eyeX - r * 0.15,
        eyeY - r * 0.28 - tilt,
        -eyeX + r * 0.15,
        eyeY - r * 0.28 + tilt,
      );
      g.lineBetween(
        eyeX - r * 0.15,
        eyeY - r * 0.28 + tilt,
        eyeX + r * 0.15,
        eyeY - r * 0.28 - tilt,
      );
    }
    const bend = { pleased: 0.22, neutral: 0, uneasy: -0.1, angry: -0.22 }[mood];
    const mouthY = r * 0.34;
    // A quadratic curve from one corner of the mouth to the other, bent by the mood.
    const points = Array.from({ length: 13 }, (_, i) => {
      const t = i / 12;
      return new Phaser.Math.Vector2(r * 0.4 * (2 * t - 1), mouthY + 4 * (1 - t) * t * r * bend);
    });
    g.strokePoints(points);
  }

  /** The latest speech, word-wrapped inside the delegation's own corner of the screen. */
  private drawBubble(d: DelegationView, layout: TableLayout): void {
    const regions = layout.bubbles[d.party];
    const seat = layout.seats[d.party];
    if (regions.length === 0 || !d.speech) return;
    const maxWrap = 300 * layout.scale;
    const wrapIn = (region: Rect) => Math.min(maxWrap, region.w - BUBBLE_PAD * 2);
    const start = Math.max(MIN_FONT, Math.round(13 * layout.scale));
    const text = this.add.text(0, 0, '', {
      fontFamily: FONT,
      fontSize: `${start}px`,
      color: INK,
      lineSpacing: 1,
    });
    const fits = (region: Rect, size: number, content: string) =>
      text.setFontSize(size).setWordWrapWidth(wrapIn(region), true).setText(content).height +
        BUBBLE_PAD * 2 <=
      region.h;
    const nearness = (region: Rect) => {
      const box = placeBubble(
        region,
        text.width + BUBBLE_PAD * 2,
        text.height + BUBBLE_PAD * 2,
        seat,
      );
      return Math.hypot(box.x + box.w / 2 - seat.x, box.y + box.h / 2 - seat.y);
    };
    // The largest font at which the whole speech fits a region, in the region that puts it nearest
    // the speaker; failing that, the smallest font in the roomiest region, cut short with an ellipsis.
    let best: { region: Rect; size: number; content: string } | null = null;
    for (let size = start; size >= MIN_FONT && !best; size--) {
      let nearest = Infinity;
      for (const region of regions)
        if (fits(region, size, d.speech) && nearness(region) < nearest) {
          nearest = nearness(region);
          best = { region, size, content: d.speech };
        }
    }
    if (!best) {
      const region = regions.reduce((a, b) => (a.w * a.h >= b.w * b.h ? a : b));
      const words = d.speech.split(/\s+/);
      let content = d.speech;
      while (words.length > 1 && !fits(region, MIN_FONT, content)) {
        words.pop();
        content = `${words.join(' ')}…`;
      }
      best = { region, size: MIN_FONT, content };
    }
    text.setFontSize(best.size).setWordWrapWidth(wrapIn(best.region), true).setText(best.content);
    const box = placeBubble(
      best.region,
      text.width + BUBBLE_PAD * 2,
      text.height + BUBBLE_PAD * 2,
      seat,
    );
    // The text was made first (to measure it): lift it above its bubble.
    const g = this.keep(this.add.graphics()).setDepth(3);
    g.fillStyle(0x000000, 0.25).fillRoundedRect(box.x + 2, box.y + 3, box.w, box.h, 7);
    g.fillStyle(PAPER, 0.97).fillRoundedRect(box.x, box.y, box.w, box.h, 7);
    g.lineStyle(2, PARTY_COLOURS[d.party], 1).strokeRoundedRect(box.x, box.y, box.w, box.h, 7);
    this.drawTail(g, box, seat);
    text.setPosition(box.x + BUBBLE_PAD, box.y + BUBBLE_PAD).setDepth(4);
    this.keep(text);
  }

  /** A short tail from the bubble's edge toward the speaker; it stops short of the seat's own drawing. */
  private drawTail(g: Phaser.GameObjects.Graphics, box: Rect, seat: Seat): void {
    const horizontal = seat.x < box.x || seat.x > box.x + box.w;
    const vertical = seat.y < box.y || seat.y > box.y + box.h;
    if (!horizontal && !vertical) return;
    const ex = horizontal
      ? seat.x < box.x
        ? box.x
        : box.x + box.w
      : Phaser.Math.Clamp(seat.x, box.x + 10, box.x + box.w - 10);
    const ey =
      vertical && !horizontal
        ? seat.y < box.y
          ? box.y
          : box.y + box.h
        : Phaser.Math.Clamp(seat.y, box.y + 8, box.y + box.h - 8);
    const dx = seat.x - ex;
    const dy = seat.y - ey;
    const distance = Math.hypot(dx, dy);
    for (let length = 12; length >= 5; length--) {
      const tip = {
        x: ex + (dx / distance) * length,
        y: ey + (dy / distance) * length,
        w: 0.01,
        h: 0.01,
      };
      if (overlaps(tip, seat.bounds)) continue;
      const along = horizontal && !vertical ? { x: 0, y: 6 } : { x: 6, y: 0 };
      g.fillStyle(PAPER, 0.97).fillTriangle(
        ex - along.x,
        ey - along.y,
        ex + along.x,
        ey + along.y,
        tip.x,
        tip.y,
      );
      return;
    }
  }
}
