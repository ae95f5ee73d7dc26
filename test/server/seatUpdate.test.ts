// The live server sends each seat only what changed in its view; the client must rebuild exactly
// the view the server computed, move after move, for every seat.
import { describe, expect, test } from 'vitest';
import { stepComputer } from '../../src/core/moves';
import { PARTIES, byParty } from '../../src/core/parties';
import { createInitialState } from '../../src/core/rules';
import { seatView, type SeatView } from '../../src/core/seatView';
import type { Move } from '../../src/core/state';
import {
  applySeatMoves,
  applySeatUpdate,
  sameData,
  seatUpdate,
  type SentToSeat,
} from '../../src/live/seatUpdate';
import { loadLevels } from '../../server/context';

const level = loadLevels().get('coalition-2025')!;

describe('seat updates', () => {
  test('applying every update rebuilds each seat’s view and moves exactly, and updates are small', () => {
    let game = createInitialState(level, {
      seed: 'BCDF2345',
      seats: byParty(() => 'computer' as const),
      difficulty: 'normal',
    });
    const sent = byParty((): SentToSeat | null => null);
    const client = byParty(() => ({ view: null as SeatView | null, moves: [] as Move[] }));
    let wholeBytes = 0;
    let updateBytes = 0;
    for (let step = 0; step < 200 && !game.outcome; step++) {
      // Some rounds carry several moves at once, as when moves arrive together.
      game = stepComputer(level, game);
      if (step % 3 === 1 && !game.outcome) game = stepComputer(level, game);
      for (const party of PARTIES) {
        const view = seatView(level, game, party);
        const update = seatUpdate(sent[party], view, game.moves);
        if (!update) continue;
        sent[party] = { view, moves: game.moves.length };
        const c = client[party];
        c.moves = applySeatMoves(c.moves, update);
        c.view = applySeatUpdate(c.view, update);
        // What the wire carries: JSON round trips drop nothing a view holds.
        expect(JSON.parse(JSON.stringify(c.view))).toEqual(JSON.parse(JSON.stringify(view)));
        expect(c.moves).toEqual(game.moves);
        wholeBytes += JSON.stringify(view).length;
        updateBytes += JSON.stringify(update).length;
      }
    }
    expect(game.outcome).not.toBeNull();
    expect(updateBytes).toBeLessThan(wholeBytes / 3);
  });

  test('nothing new means no update; a client without a view gets all of it', () => {
    const game = createInitialState(level, {
      seed: 'BCDF2345',
      seats: byParty(() => 'computer' as const),
      difficulty: 'normal',
    });
    const view = seatView(level, game, 'ukraine');
    expect(seatUpdate({ view, moves: game.moves.length }, view, game.moves)).toBeNull();
    const first = seatUpdate(null, view, game.moves)!;
    expect(applySeatUpdate(null, first)).toEqual(view);
    // A partial update before any whole view cannot make a view.
    expect(applySeatUpdate(null, { ...first, changed: { round: 2 } })).toBeNull();
  });

  test('sameData compares plain data deeply and ignores missing against undefined', () => {
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});
