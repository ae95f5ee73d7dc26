import { describe, expect, test } from 'vitest';
import { PARTIES } from '../core/parties';
import { overlaps, placeBubble, tableLayout, type Rect } from './tableLayout';

// Canvas sizes: whole windows, and what the play screen leaves the canvas at 1024×768, 1280×720 and 1920×1080.
const SIZES: [number, number][] = [
  [1024, 768],
  [1280, 720],
  [1920, 1080],
  [656, 568],
  [819, 533],
  [1229, 799],
  [600, 450],
];

describe.each(SIZES)('the table at %i×%i', (width, height) => {
  const layout = tableLayout(width, height, { labelHalfWidth: width / 14 });
  const seats = PARTIES.map((p) => layout.seats[p].bounds);

  test('every delegation has room for a speech bubble', () => {
    for (const party of PARTIES) expect(layout.bubbles[party].length, party).toBeGreaterThan(0);
  });

  test('bubble regions never overlap another delegation’s, the package card, the clock or a seat', () => {
    for (const party of PARTIES)
      for (const region of layout.bubbles[party]) {
        expect(overlaps(region, layout.card), `${party} vs card`).toBe(false);
        expect(overlaps(region, layout.clock), `${party} vs clock`).toBe(false);
        for (const seat of seats) expect(overlaps(region, seat), `${party} vs a seat`).toBe(false);
        for (const other of PARTIES)
          if (other !== party)
            for (const theirs of layout.bubbles[other])
              expect(overlaps(region, theirs), `${party} vs ${other}`).toBe(false);
      }
  });

  test('seats stay on screen and apart from each other and the card', () => {
    const screen: Rect = { x: 0, y: 0, w: width, h: height };
    seats.forEach((seat, i) => {
      expect(seat.x).toBeGreaterThanOrEqual(screen.x);
      expect(seat.x + seat.w).toBeLessThanOrEqual(width);
      expect(seat.y).toBeGreaterThanOrEqual(layout.clock.h);
      expect(seat.y + seat.h).toBeLessThanOrEqual(height);
      expect(overlaps(seat, layout.card)).toBe(false);
      seats.forEach((other, j) => {
        if (i !== j) expect(overlaps(seat, other)).toBe(false);
      });
    });
  });

  test('a bubble wider than its region starts at the region’s edge, never off the screen', () => {
    for (const party of PARTIES) {
      const region = layout.bubbles[party][0]!;
      const bubble = placeBubble(region, region.w + 80, region.h + 30, layout.seats[party]);
      expect(bubble.x).toBe(region.x);
      expect(bubble.y).toBe(region.y);
    }
  });

  test('a bubble placed in its region stays inside it', () => {
    for (const party of PARTIES) {
      const region = layout.bubbles[party][0]!;
      const bubble = placeBubble(
        region,
        Math.min(120, region.w),
        Math.min(40, region.h),
        layout.seats[party],
      );
      expect(bubble.x).toBeGreaterThanOrEqual(region.x);
      expect(bubble.y).toBeGreaterThanOrEqual(region.y);
      expect(bubble.x + bubble.w).toBeLessThanOrEqual(region.x + region.w + 1e-9);
      expect(bubble.y + bubble.h).toBeLessThanOrEqual(region.y + region.h + 1e-9);
    }
  });
});
