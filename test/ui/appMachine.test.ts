// Issue 9: screens as states. The app machine spawns the game actor and hands the device over in
// hot-seat play only to a seat that is due.
import { describe, expect, test } from 'vitest';
import { createActor } from 'xstate';
import { appMachine, gameOf } from '../../src/app/appMachine';
import { computerProposal } from '../../src/core/negotiator';
import { loadCatalog } from '../../src/levels';

const levels = loadCatalog().levels;
const solo = {
  level: 'coalition-2025',
  seed: 'K7F2Q9XM',
  role: 'ukraine' as const,
  difficulty: 'normal' as const,
  mode: 'solo' as const,
  humans: ['ukraine' as const],
};

describe('app machine', () => {
  test('menu → briefing → play → menu, with a game actor spawned and stopped', () => {
    const app = createActor(appMachine, { input: { levels, params: solo, pace: 0 } }).start();
    expect(app.getSnapshot().value).toBe('menu');
    app.send({ type: 'START', params: solo });
    expect(app.getSnapshot().value).toBe('briefing');
    expect(gameOf(app.getSnapshot().context)?.seed).toBe('K7F2Q9XM');
    app.send({ type: 'BEGIN' });
    expect(app.getSnapshot().value).toBe('play');
    expect(app.getSnapshot().context.onScreen).toBe('ukraine');
    app.send({ type: 'MENU' });
    expect(app.getSnapshot().value).toBe('menu');
    expect(app.getSnapshot().context.game).toBeNull();
  });

  test('hot-seat: the device is handed to a seat that is due, and play goes on to the debrief', () => {
    const params = {
      ...solo,
      role: 'us' as const,
      mode: 'hotseat' as const,
      humans: ['us' as const, 'ukraine' as const],
    };
    const app = createActor(appMachine, { input: { levels, params, pace: 0 } }).start();
    app.send({ type: 'START', params });
    app.send({ type: 'BEGIN' });
    for (let step = 0; step < 300 && app.getSnapshot().value !== 'debrief'; step++) {
      const snapshot = app.getSnapshot();
      if (snapshot.value === 'handover') {
        app.send({ type: 'READY' });
        continue;
      }
      expect(snapshot.value).toBe('play');
      const { context } = app.getSnapshot();
      const game = gameOf(context)!;
      const seat = context.onScreen!;
      const gameRef = context.game!;
      const move = game.table
        ? game.responses[seat] === undefined && game.table.proposer !== seat
          ? { type: 'RESPOND' as const, party: seat, accept: false }
          : { type: 'SIDE_MOVE' as const, party: seat, move: { kind: 'pass' as const } }
        : {
            type: 'PROPOSE' as const,
            party: seat,
            package: computerProposal(levels.get('coalition-2025')!, game, seat).package,
          };
      gameRef.send(move);
      app.send({ type: 'GAME_CHANGED' });
    }
    expect(app.getSnapshot().value).toBe('debrief');
  });
});
