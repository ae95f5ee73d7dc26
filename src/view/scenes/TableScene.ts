import * as Phaser from 'phaser';
import { PARTIES, byParty, type ByParty, type Party } from '../../core/parties';
import type { ViewBus } from '../bus';
import type { DelegationView, Mood, TableView } from '../model';
import {
  DEFAULT_DISPLAY,
  PALETTES,
  cssColour,
  type DisplaySettings,
  type Palette,
  type PaletteName,
} from '../palette';
import type { LoopRest } from '../rest';
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
import { BakedPicture } from './baked';

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
/** A window being dragged fires many resizes: lay out once it settles. */
const RESIZE_DEBOUNCE_MS = 150;

/**
 * Sets a kept text's font size and wrap width in one update. One setter after the other would
 * re-wrap with the other's old value: a larger font in an old, narrower column throws in Phaser
 * ("wordWrapWidth < a single character").
 */
function sized(text: Phaser.GameObjects.Text, size: number, wrap: number): Phaser.GameObjects.Text {
  // setStyle changes only the keys given, then re-measures once: width and height are the wrapped ones.
  text.setStyle({ fontSize: `${size}px`, wordWrap: { width: wrap, useAdvancedWrap: true } });
  return text;
}

/** One delegation's objects, kept for the scene's life and updated in place. */
interface SeatObjects {
  readonly ring: Phaser.GameObjects.Graphics;
  readonly halo: Phaser.GameObjects.Graphics;
  readonly face: Phaser.GameObjects.Graphics;
  readonly name: Phaser.GameObjects.Text;
  readonly status: Phaser.GameObjects.Text;
  readonly response: Phaser.GameObjects.Text;
  readonly bubble: Phaser.GameObjects.Graphics;
  readonly speech: Phaser.GameObjects.Text;
}

interface PackageRow {
  readonly issue: Phaser.GameObjects.Text;
  readonly option: Phaser.GameObjects.Text;
}

/**
 * The diplomatic table: four delegations around an oval table, their moods, latest speech and
 * answers, the package on the table and the round clock. It only reads `TableView`s from the bus.
 *
 * Everything is made once in `create` and drawn into one texture (`BakedPicture`); a new view, a
 * resize (debounced) or a new palette updates the objects and redraws that texture once. Moods and
 * a new proposer animate briefly, then the scene is still and the game loop can sleep.
 */
export class TableScene extends Phaser.Scene {
  private view: TableView | null = null;
  private drawn: TableView | null = null;
  private dirty = false;
  private picture!: BakedPicture;
  private layout: TableLayout | null = null;
  private palette: Palette = PALETTES.default;
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;

  private table!: Phaser.GameObjects.Graphics;
  private sheet!: Phaser.GameObjects.Graphics;
  private heading!: Phaser.GameObjects.Text;
  private rows: PackageRow[] = [];
  private rowGroup!: Phaser.GameObjects.Container;
  private centreNote!: Phaser.GameObjects.Text;
  private clock!: Phaser.GameObjects.Graphics;
  private clockLeft!: Phaser.GameObjects.Text;
  private clockRight!: Phaser.GameObjects.Text;
  private seats!: ByParty<SeatObjects>;

  constructor() {
    super('TableScene');
  }

  create(): void {
    this.picture = new BakedPicture(this, this.registry.get('rest') as LoopRest | undefined);
    this.build();
    const bus = this.registry.get('bus') as ViewBus;
    const off = bus.on('table', (view) => {
      this.view = view;
      this.requestRedraw();
    });
    const onResize = () => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => this.requestRedraw(), RESIZE_DEBOUNCE_MS);
    };
    const onDisplay = () => this.requestRedraw();
    const onWake = () => {
      if (this.dirty) this.redraw();
    };
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.registry.events.on('changedata-display', onDisplay);
    this.events.on(Phaser.Scenes.Events.WAKE, onWake);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      off();
      clearTimeout(this.resizeTimer);
      this.scale.off(Phaser.Scale.Events.RESIZE, onResize);
      this.registry.events.off('changedata-display', onDisplay);
      this.events.off(Phaser.Scenes.Events.WAKE, onWake);
      this.picture.stopAll();
      this.picture.destroy();
      this.rows = [];
      this.drawn = null;
      this.layout = null;
    });
    if (!this.view) this.redraw();
  }

  override update(): void {
    this.picture.bakeIfDirty();
  }

  /** The palette last drawn, and the colour at the middle of each face (read from the texture). */
  async sample(): Promise<{ palette: PaletteName; seats: ByParty<string> } | null> {
    const layout = this.layout;
    if (!layout || !this.drawn) return null;
    this.picture.bakeIfDirty();
    const seats = {} as Record<Party, string>;
    for (const party of PARTIES) {
      const { x, y } = layout.seats[party];
      const colour = await this.picture.pixel(x, y);
      seats[party] = cssColour(colour.color);
    }
    return { palette: this.palette.name, seats };
  }

  private display(): DisplaySettings {
    return (this.registry.get('display') as DisplaySettings | undefined) ?? DEFAULT_DISPLAY;
  }

  /** A sleeping scene (the map is showing) redraws when it wakes, not on every update. */
  private requestRedraw(): void {
    if (this.sys.isSleeping()) this.dirty = true;
    else this.redraw();
  }

  // --- the objects, made once ---------------------------------------------------------------------

  private text(style: Phaser.Types.GameObjects.Text.TextStyle = {}): Phaser.GameObjects.Text {
    return this.make.text({ text: '', style: { fontFamily: FONT, color: TEXT, ...style } }, false);
  }

  private build(): void {
    const layer = () => this.picture.group();
    const tableLayer = layer();
    const packageLayer = layer();
    const seatLayer = layer();
    const bubbleLayer = layer();
    const clockLayer = layer();

    this.table = this.make.graphics({}, false);
    tableLayer.add(this.table);

    this.sheet = this.make.graphics({}, false);
    this.heading = this.text({ color: INK, fontStyle: 'bold' });
    this.rowGroup = this.make.container({}, false);
    this.centreNote = this.text({ align: 'center' });
    packageLayer.add([this.sheet, this.heading, this.rowGroup, this.centreNote]);

    this.seats = byParty(() => {
      const seat: SeatObjects = {
        ring: this.make.graphics({}, false),
        halo: this.make.graphics({}, false),
        face: this.make.graphics({}, false),
        name: this.text({ fontStyle: 'bold' }).setOrigin(0.5, 0),
        status: this.text({ color: MUTED }).setOrigin(0.5, 0),
        response: this.text({ fontStyle: 'bold' }).setOrigin(0.5, 1),
        bubble: this.make.graphics({}, false),
        speech: this.text({ color: INK, lineSpacing: 1 }),
      };
      seatLayer.add([seat.ring, seat.face, seat.halo, seat.name, seat.status, seat.response]);
      bubbleLayer.add([seat.bubble, seat.speech]);
      return seat;
    });

    this.clock = this.make.graphics({}, false);
    this.clockLeft = this.text({ fontStyle: 'bold' }).setOrigin(0, 0.5);
    this.clockRight = this.text({ color: MUTED }).setOrigin(1, 0.5);
    clockLayer.add([this.clock, this.clockLeft, this.clockRight]);
  }

  /** Package rows are kept too; the list only grows (to the most issues any level has). */
  private row(i: number): PackageRow {
    while (this.rows.length <= i) {
      const row = {
        issue: this.text({ color: '#5a4a35' }),
        option: this.text({ color: INK, fontStyle: 'bold' }),
      };
      this.rowGroup.add([row.issue, row.option]);
      this.rows.push(row);
    }
    return this.rows[i]!;
  }

  // --- drawing: properties of the kept objects --------------------------------------------------

  private redraw(): void {
    this.dirty = false;
    this.picture.stopAll();
    const previous = this.drawn;
    const view = this.view;
    const display = this.display();
    this.palette = PALETTES[display.palette];
    const { width, height } = this.scale;
    const scale = layoutScale(width, height);

    // The seat labels measure themselves: the layout needs the widest.
    let widest = 120;
    if (view) {
      widest = 0;
      for (const d of view.delegations)
        widest = Math.max(
          widest,
          this.seats[d.party].name.setFontSize(Math.round(14 * scale)).setText(this.nameOf(d))
            .width,
        );
    }
    const layout = tableLayout(width, height, { labelHalfWidth: widest / 2 });
    this.layout = layout;
    this.drawTable(layout);

    this.clock.setVisible(view !== null);
    this.clockLeft.setVisible(view !== null);
    this.clockRight.setVisible(view !== null);
    for (const party of PARTIES) this.showSeat(party, view !== null);
    if (!view) {
      this.showPackage(false);
      sized(this.centreNote, Math.round(15 * scale), layout.card.w)
        .setVisible(true)
        .setText('The delegations are taking their seats.')
        .setColor('#f3ead8')
        .setFontStyle('normal')
        .setOrigin(0.5)
        .setPosition(layout.table.cx, layout.table.cy);
    } else {
      this.drawClock(view, layout);
      this.drawPackage(view, layout);
      for (const d of view.delegations) this.drawDelegation(d, layout);
    }
    this.drawn = view;
    this.picture.invalidate();
    if (view && previous && view !== previous) this.animateChanges(previous, view, display);
  }

  private showSeat(party: Party, visible: boolean): void {
    const seat = this.seats[party];
    for (const object of [seat.ring, seat.halo, seat.face, seat.name, seat.status, seat.response])
      object.setVisible(visible);
    if (!visible) {
      seat.bubble.setVisible(false);
      seat.speech.setVisible(false);
    }
  }

  private nameOf(d: DelegationView): string {
    return d.isYou ? `${d.name} (you)` : d.name;
  }

  private drawTable({ table }: TableLayout): void {
    const g = this.table.clear();
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
    const size = Math.round(13 * scale);
    const g = this.clock.clear();
    g.fillStyle(0x13263a, 0.92).fillRect(clock.x, clock.y, clock.w, clock.h);
    g.lineStyle(1, 0x2b4461, 1).lineBetween(clock.x, clock.h, clock.w, clock.h);
    const midY = clock.h / 2;
    const phase = PHASES[view.phase] ?? view.phase;
    const left = this.clockLeft
      .setFontSize(size)
      .setText(`Round ${view.round} of ${view.deadline}  ·  ${phase}`)
      .setPosition(10, midY);
    // One segment per round to the deadline; the late ones turn to the reject colour.
    const segments = Math.max(1, view.deadline);
    const barX = left.x + left.width + 12;
    const right = this.clockRight
      .setVisible(true)
      .setFontSize(Math.round(size * 0.92))
      .setText(
        `${view.pressureLabel}: ${view.pressure.toLocaleString('en')}  ·  line fortified ${view.fortification}%`,
      )
      .setPosition(clock.w - 10, midY);
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
      const colour = done ? (late ? this.palette.reject : GOLD) : 0x35506e;
      g.fillStyle(colour, done ? 1 : 0.8).fillRect(
        barX + i * (segW + 3),
        midY - segH / 2,
        segW,
        segH,
      );
    }
  }

  private showPackage(visible: boolean): void {
    this.sheet.setVisible(visible);
    this.heading.setVisible(visible);
    this.rowGroup.setVisible(visible);
  }

  /** The package on the table: a sheet of paper with one row per issue. */
  private drawPackage(view: TableView, layout: TableLayout): void {
    const { card, scale, table } = layout;
    const lines = view.tablePackage ?? [];
    if (lines.length === 0) {
      this.showPackage(false);
      sized(this.centreNote, Math.round(15 * scale), card.w)
        .setVisible(true)
        .setText('Nothing on the table yet')
        .setColor('#c8b89a')
        .setFontStyle('italic')
        .setOrigin(0.5)
        .setPosition(table.cx, table.cy);
      return;
    }
    this.centreNote.setVisible(false);
    this.showPackage(true);
    const proposer = view.delegations.find((d) => d.isProposer);
    this.heading.setText(proposer ? `On the table, from ${proposer.name}` : 'On the table');
    const rows = lines.map(({ issue, option }, i) => {
      const row = this.row(i);
      row.issue.setText(issue).setVisible(true);
      row.option.setText(option).setVisible(true);
      return row;
    });
    for (const row of this.rows.slice(lines.length)) {
      row.issue.setVisible(false);
      row.option.setVisible(false);
    }
    const pad = Math.max(6, 9 * scale);
    const inner = { x: card.x + pad, y: card.y + pad, w: card.w - pad * 2, h: card.h - pad * 2 };
    const issueW = Math.round(inner.w * 0.34);
    const optionW = inner.w - issueW - 8;
    const gapOf = (size: number) => Math.max(2, size * 0.3);
    // The largest font that fits: issue names on the left, options on the right.
    const measure = (size: number): number => {
      sized(this.heading, size, inner.w);
      for (const r of rows) {
        sized(r.issue, size - 1, issueW);
        sized(r.option, size, optionW);
      }
      const gap = gapOf(size);
      return (
        this.heading.height +
        gap * 2 +
        rows.reduce((sum, r) => sum + Math.max(r.issue.height, r.option.height) + gap, -gap)
      );
    };
    let size = Math.max(MIN_FONT, Math.round(14 * scale));
    let height = measure(size);
    while (height > inner.h && size > MIN_FONT) height = measure(--size);
    const gap = gapOf(size);
    const h = Math.min(card.h, height + pad * 2);
    const y = card.y + (card.h - h) / 2;
    this.sheet
      .clear()
      .fillStyle(0x000000, 0.25)
      .fillRoundedRect(card.x + 3, y + 4, card.w, h, 6)
      .fillStyle(PAPER, 1)
      .fillRoundedRect(card.x, y, card.w, h, 6);
    const top = y + pad;
    this.heading.setPosition(inner.x, top);
    let rowY = top + this.heading.height + gap * 2;
    const bottom = card.y + card.h - pad;
    for (const r of rows) {
      r.issue.setPosition(inner.x, rowY + 1);
      r.option.setPosition(inner.x + issueW + 8, rowY);
      if (height > inner.h) {
        r.issue.setVisible(r.issue.y + r.issue.height <= bottom);
        r.option.setVisible(r.option.y + r.option.height <= bottom);
      }
      rowY += Math.max(r.issue.height, r.option.height) + gap;
    }
  }

  private drawDelegation(d: DelegationView, layout: TableLayout): void {
    const { scale, radius } = layout;
    const seat = layout.seats[d.party];
    const objects = this.seats[d.party];
    const { badge } = seatMetrics(scale);
    const { x, y } = seat;

    objects.ring.clear().setVisible(d.isYou);
    if (d.isYou)
      objects.ring
        .fillStyle(GOLD, 0.18)
        .fillCircle(x, y, radius + 8)
        .lineStyle(2, GOLD, 0.95)
        .strokeCircle(x, y, radius + 8);
    objects.halo
      .clear()
      .setPosition(x, y)
      .setVisible(d.isProposer)
      .lineStyle(3, 0xffffff, 0.95)
      .strokeCircle(0, 0, radius + 5);

    const g = objects.face.clear().setPosition(x, y);
    g.fillStyle(this.palette.party[d.party], 1).fillCircle(0, 0, radius);
    g.lineStyle(3, this.palette.mood[d.mood], 1).strokeCircle(0, 0, radius + 1.5);
    this.drawFace(g, d.mood, radius);

    // The name was set (and measured) in redraw.
    objects.name
      .setColor(d.isYou ? '#ffe27a' : TEXT)
      .setPosition(x, y + radius + Math.round(10 * scale));
    objects.status
      .setFontSize(Math.round(11.5 * scale))
      .setText([d.mood, d.isProposer ? 'proposing' : null].filter(Boolean).join(' · '))
      .setPosition(x, objects.name.y + objects.name.height);

    objects.response.setVisible(d.response !== null);
    if (d.response) {
      const accept = d.response === 'accept';
      objects.response
        .setFontSize(Math.round(Math.min(badge - 2, 13 * scale)))
        .setText(
          d.responseEarlier
            ? accept
              ? '✓ accepted'
              : '✗ rejected'
            : accept
              ? '✓ accepts'
              : '✗ rejects',
        )
        .setAlpha(d.responseEarlier ? 0.7 : 1)
        .setColor(cssColour(accept ? this.palette.accept : this.palette.reject))
        .setPosition(x, y - radius - 3);
    }
    this.drawBubble(d, layout);
  }

  /** A new proposer's halo pulses twice; a delegation whose mood changed nods. Then all is still. */
  private animateChanges(previous: TableView, view: TableView, display: DisplaySettings): void {
    const scale = this.layout?.scale ?? 1;
    for (const d of view.delegations) {
      const before = previous.delegations.find((p) => p.party === d.party);
      const objects = this.seats[d.party];
      if (display.reducedMotion) continue;
      if (d.isProposer && !before?.isProposer)
        this.picture.animate([objects.halo], {
          alpha: { from: 1, to: 0.3 },
          scale: { from: 1, to: 1.08 },
          duration: 550,
          yoyo: true,
          repeat: 1,
          ease: 'Sine.easeInOut',
        });
      if (before && before.mood !== d.mood)
        this.picture.animate([objects.face], {
          y: objects.face.y - Math.max(2, 3 * scale),
          duration: 220,
          yoyo: true,
          repeat: 1,
          ease: 'Sine.easeInOut',
        });
    }
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
    const { bubble, speech } = this.seats[d.party];
    const regions = layout.bubbles[d.party];
    const seat = layout.seats[d.party];
    bubble.clear();
    const shown = regions.length > 0 && d.speech !== null;
    bubble.setVisible(shown).setAlpha(d.responseEarlier ? 0.7 : 1);
    speech.setVisible(shown).setAlpha(d.responseEarlier ? 0.7 : 1);
    if (!shown || !d.speech) return;
    const maxWrap = 300 * layout.scale;
    const wrapIn = (region: Rect) => Math.min(maxWrap, region.w - BUBBLE_PAD * 2);
    const start = Math.max(MIN_FONT, Math.round(13 * layout.scale));
    // The kept text object measures each try; nothing is made and thrown away.
    const text = speech;
    // A column narrower than two letters cannot hold text: Phaser throws rather than wrap into it.
    const fits = (region: Rect, size: number, content: string) =>
      wrapIn(region) >= size * 2 &&
      sized(text, size, wrapIn(region)).setText(content).height + BUBBLE_PAD * 2 <= region.h;
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
        if (fits(region, size, d.speech)) {
          const near = nearness(region);
          if (near < nearest) {
            nearest = near;
            best = { region, size, content: d.speech };
          }
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
    // Never narrower than two letters, even if the roomiest region is: overflowing beats a throw.
    sized(text, best.size, Math.max(wrapIn(best.region), best.size * 2)).setText(best.content);
    const box = placeBubble(
      best.region,
      text.width + BUBBLE_PAD * 2,
      text.height + BUBBLE_PAD * 2,
      seat,
    );
    bubble.fillStyle(0x000000, 0.25).fillRoundedRect(box.x + 2, box.y + 3, box.w, box.h, 7);
    bubble.fillStyle(PAPER, 0.97).fillRoundedRect(box.x, box.y, box.w, box.h, 7);
    bubble
      .lineStyle(2, this.palette.party[d.party], 1)
      .strokeRoundedRect(box.x, box.y, box.w, box.h, 7);
    this.drawTail(bubble, box, seat);
    text.setPosition(box.x + BUBBLE_PAD, box.y + BUBBLE_PAD);
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
