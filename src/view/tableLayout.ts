// Where things go on the diplomatic table, as plain rectangles: no Phaser, so Vitest can check that
// speech bubbles, seats and the package card never overlap at any screen size.
import { byParty, type ByParty, type Party } from '../core/parties';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Seat {
  readonly x: number;
  readonly y: number;
  /** Everything the seat draws (badge, avatar, name and mood lines). */
  readonly bounds: Rect;
}

export interface TableLayout {
  /** Font and size multiplier: 1 at 900×620. */
  readonly scale: number;
  readonly radius: number;
  readonly clock: Rect;
  readonly table: {
    readonly cx: number;
    readonly cy: number;
    readonly rx: number;
    readonly ry: number;
  };
  /** The package on the table, inside the table's ellipse. */
  readonly card: Rect;
  readonly seats: ByParty<Seat>;
  /**
   * Where each delegation's speech bubble may go, best first. The regions of different parties
   * never overlap each other, the card, the clock or any seat.
   */
  readonly bubbles: ByParty<readonly Rect[]>;
}

export interface LayoutMetrics {
  /** Half the widest seat label, in pixels at this scale (the scene measures it). */
  readonly labelHalfWidth: number;
}

const MARGIN = 8;
const GAP = 6;

export const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

export function layoutScale(width: number, height: number): number {
  return clamp(Math.min(width / 900, height / 620), 0.72, 1.5);
}

/** Sizes of the seat's parts at a given scale, shared by the layout and the scene. */
export function seatMetrics(scale: number): {
  radius: number;
  badge: number;
  label: number;
  clock: number;
} {
  return {
    radius: Math.round(22 * scale),
    badge: Math.round(24 * scale),
    label: Math.round(42 * scale),
    clock: Math.round(34 * scale),
  };
}

export function tableLayout(width: number, height: number, metrics: LayoutMetrics): TableLayout {
  const scale = layoutScale(width, height);
  const { radius, badge, label, clock: clockHeight } = seatMetrics(scale);
  const half = Math.max(radius + 4, metrics.labelHalfWidth);
  const cx = width / 2;
  const clock: Rect = { x: 0, y: 0, w: width, h: clockHeight };

  const topY = clockHeight + badge + radius + GAP;
  const bottomY = height - label - radius - GAP;
  const cy = (topY + bottomY) / 2;
  const sideX = MARGIN + half;
  const seatAt = (x: number, y: number): Seat => ({
    x,
    y,
    bounds: { x: x - half, y: y - radius - badge, w: half * 2, h: radius * 2 + badge + label },
  });
  const seats: ByParty<Seat> = {
    europe: seatAt(cx, topY),
    ukraine: seatAt(cx, bottomY),
    us: seatAt(sideX, cy),
    russia: seatAt(width - sideX, cy),
  };

  // The table fills the space between the four seats, a little inset.
  const tableTop = seats.europe.bounds.y + seats.europe.bounds.h + GAP;
  const tableBottom = seats.ukraine.bounds.y - GAP;
  const ry = Math.max(20, (tableBottom - tableTop) / 2);
  const rx = Math.max(
    40,
    Math.min(width * 0.27, cx - (seats.us.bounds.x + seats.us.bounds.w) - GAP * 3),
  );
  const table = { cx, cy: (tableTop + tableBottom) / 2, rx, ry };
  // The largest rectangle inside an ellipse has sides √2·rx by √2·ry.
  const cardW = rx * Math.SQRT2;
  const cardH = ry * Math.SQRT2;
  const card: Rect = { x: cx - cardW / 2, y: table.cy - cardH / 2, w: cardW, h: cardH };

  // Four corner regions, one per delegation, split by the centre column (Europe, Ukraine) and the
  // middle row (US, Russia). Each offers a wide box (above or below the card) and a tall one (beside it).
  const columnLeft = cx - half - GAP;
  const columnRight = cx + half + GAP;
  const rowTop = seats.us.bounds.y - GAP;
  const rowBottom = seats.us.bounds.y + seats.us.bounds.h + GAP;
  const top = clockHeight + GAP / 2;
  const bottom = height - MARGIN / 2;
  const box = (x0: number, y0: number, x1: number, y1: number): Rect => ({
    x: x0,
    y: y0,
    w: Math.max(0, x1 - x0),
    h: Math.max(0, y1 - y0),
  });
  const cardTop = card.y - GAP;
  const cardBottom = card.y + card.h + GAP;
  const cardLeft = card.x - GAP;
  const cardRight = card.x + card.w + GAP;
  const regions: ByParty<readonly Rect[]> = {
    // The US sits at the left: its bubble goes above it (top left).
    us: [
      box(MARGIN, top, columnLeft, Math.min(rowTop, cardTop)),
      box(MARGIN, top, Math.min(columnLeft, cardLeft), rowTop),
    ],
    // Europe sits at the top: top right.
    europe: [
      box(columnRight, top, width - MARGIN, Math.min(rowTop, cardTop)),
      box(Math.max(columnRight, cardRight), top, width - MARGIN, rowTop),
    ],
    // Russia sits at the right: bottom right.
    russia: [
      box(columnRight, Math.max(rowBottom, cardBottom), width - MARGIN, bottom),
      box(Math.max(columnRight, cardRight), rowBottom, width - MARGIN, bottom),
    ],
    // Ukraine sits at the bottom: bottom left.
    ukraine: [
      box(MARGIN, Math.max(rowBottom, cardBottom), columnLeft, bottom),
      box(MARGIN, rowBottom, Math.min(columnLeft, cardLeft), bottom),
    ],
  };
  const bubbles = byParty((party: Party) => regions[party].filter((r) => r.w >= 60 && r.h >= 24));
  return { scale, radius, clock, table, card, seats, bubbles };
}

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Places a w×h bubble inside `region`, as close to the speaker as the region allows. A bubble
 * larger than its region (a word too long to wrap) starts at the region's top left and overflows
 * towards the table, never off the screen's edge.
 */
export function placeBubble(
  region: Rect,
  w: number,
  h: number,
  speaker: { x: number; y: number },
): Rect {
  return {
    x: Math.max(region.x, clamp(speaker.x - w / 2, region.x, region.x + region.w - w)),
    y: Math.max(region.y, clamp(speaker.y - h / 2, region.y, region.y + region.h - h)),
    w,
    h,
  };
}
