// The game actor: emitted cues and refusals on a real actor, computers paced one at a time, a
// snapshot that survives JSON, and bounded model-based paths with xstate/graph on mini.json.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { createGame, restoreGame, stateHash, type GameSnapshot } from '../../src/core/game';
import type { Level, Package } from '../../src/core/level/level';
import { createGameMachine, type GameEmitted, type SoundCue } from '../../src/core/machine';
import { newGame, phaseOf, waitingFor } from '../../src/core/moves';
import { PARTIES, type Party } from '../../src/core/parties';
import { seatsFor, type GameSetup } from '../../src/core/rules';
import type { Move } from '../../src/core/state';
import { FINAL_PHASES, RESTING_PHASES, mini, seedWithChair } from './helpers';

const setupFor = (humans: Party[], seed = seedWithChair(mini(), 'us')): GameSetup => ({
  seed,
  difficulty: 'normal',
  seats: seatsFor(humans),
});

const propose = (party: Party, pkg: Package): Move => ({ type: 'PROPOSE', party, package: pkg });
const answer = (party: Party, accept: boolean): Move => ({ type: 'RESPOND', party, accept });
const pass = (party: Party): Move => ({ type: 'SIDE_MOVE', party, move: { kind: 'pass' } });

/** Cues emitted while a real actor processes the moves. */
function cuesOf(level: Level, humans: Party[], moves: Move[]) {
  const actor = createGame(level, setupFor(humans));
  const cues: SoundCue[] = [];
  actor.on('sfx', (e) => cues.push(e.cue));
  actor.start();
  for (const move of moves) actor.send(move);
  const end = actor.getSnapshot();
  actor.stop();
  return { cues, end };
}

describe('emitted events', () => {
  test('a proposal sounds paper, a rejection reject, a signing the gavel', () => {
    const { cues, end } = cuesOf(
      mini(),
      [...PARTIES],
      [
        propose('us', [1, 1, 1]),
        answer('europe', true),
        answer('russia', false),
        answer('ukraine', true),
        pass('us'),
        pass('europe'),
        pass('russia'),
        pass('ukraine'),
        propose('europe', [1, 1, 1]),
        answer('us', true),
        answer('russia', true),
        answer('ukraine', true),
      ],
    );
    expect(phaseOf(end.context.game)).toBe('signed');
    expect(end.value).toBe('over');
    expect(cues[0]).toBe('paper');
    expect(cues).toContain('reject');
    expect(cues.filter((c) => c === 'paper')).toHaveLength(2);
    expect(cues.slice(-2)).toEqual(['gavel', 'signing']);
  });

  test('in hot-seat play a proposal sounds paper alone, before anyone has answered', () => {
    const { cues, end } = cuesOf(mini(), [...PARTIES], [propose('us', [1, 1, 1])]);
    expect(phaseOf(end.context.game)).toBe('responses');
    expect(cues).toEqual(['paper']);
  });

  test('each human answer sounds accept or reject', () => {
    const { cues } = cuesOf(
      mini(),
      [...PARTIES],
      [propose('us', [1, 1, 1]), answer('europe', true), answer('russia', false)],
    );
    expect(cues.slice(-2)).toEqual(['accept', 'reject']);
  });

  test('a refused move is reported with its reason and changes nothing', () => {
    const level = mini();
    const actor = createGame(level, setupFor(['us']));
    const refused: Extract<GameEmitted, { type: 'refused' }>[] = [];
    actor.on('refused', (e) => refused.push(e));
    actor.start();
    const before = actor.getSnapshot().context.game;
    actor.send(propose('us', [9, 9, 9]));
    actor.send(answer('europe', true));
    expect(refused.map((e) => e.error.code)).toEqual([
      'proposal/invalid-package',
      'move/computer-seat',
    ]);
    expect(refused[0]!.error.message.length).toBeGreaterThan(10);
    expect(actor.getSnapshot().context.game).toEqual(before);
    actor.stop();
  });

  test('collapse sounds collapse, and news cards come with their index', () => {
    const level = mini();
    const actor = createGame(level, setupFor(['ukraine']));
    const cues: SoundCue[] = [];
    const cards: number[] = [];
    const rounds: number[] = [];
    actor.on('sfx', (e) => cues.push(e.cue));
    actor.on('news', (e) => cards.push(e.card));
    actor.on('round', (e) => rounds.push(e.round));
    actor.start();
    while (actor.getSnapshot().value !== 'over') {
      const game = actor.getSnapshot().context.game;
      if (phaseOf(game) === 'proposal') actor.send(propose('ukraine', [1, 1, 1]));
      else if (phaseOf(game) === 'responses') actor.send(answer('ukraine', false));
      else actor.send(pass('ukraine'));
    }
    expect(phaseOf(actor.getSnapshot().context.game)).toBe('collapsed');
    expect(cues.at(-1)).toBe('collapse');
    expect(cues).not.toContain('gavel');
    // Every card of the deck is drawn once, in the order of the shuffled deck.
    expect([...cards].sort()).toEqual(level.events.map((_, k) => k));
    expect(cues.filter((c) => c === 'news')).toHaveLength(cards.length);
    expect(rounds).toEqual(Array.from({ length: level.spec.deadline - 1 }, (_, k) => k + 2));
    expect(cues).toContain('tick');
    actor.stop();
  });
});

describe('paced computers', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('each computer answer arrives on its own, one delay apart', () => {
    const level = mini();
    const actor = createGame(level, setupFor(['ukraine']), { computerDelay: 500 });
    actor.start();
    // The US (a computer) opens: nothing is on the table until its delay has passed.
    expect(actor.getSnapshot().context.game.table).toBeNull();
    expect(actor.getSnapshot().value).toEqual({ playing: 'thinking' });
    vi.advanceTimersByTime(500);
    expect(actor.getSnapshot().context.game.table?.proposer).toBe('us');
    const answered = () => Object.keys(actor.getSnapshot().context.game.responses).length;
    expect(answered()).toBe(1); // the proposer's own
    vi.advanceTimersByTime(500);
    expect(answered()).toBe(2);
    vi.advanceTimersByTime(1000);
    expect(answered()).toBe(3);
    expect(actor.getSnapshot().value).toEqual({ playing: 'waiting' });
    expect(waitingFor(actor.getSnapshot().context.game)).toEqual(['ukraine']);
    actor.stop();
  });

  test('a paced game reaches the same state as an unpaced one', () => {
    const level = mini();
    const moves = [answer('ukraine', false), pass('ukraine'), answer('ukraine', true)];
    const paced = createGame(level, setupFor(['ukraine']), { computerDelay: 300 });
    paced.start();
    for (const move of moves) {
      vi.advanceTimersByTime(5000);
      paced.send(move);
    }
    vi.advanceTimersByTime(5000);
    const unpaced = createGame(level, setupFor(['ukraine']));
    unpaced.start();
    for (const move of moves) unpaced.send(move);
    expect(stateHash(paced.getSnapshot().context.game)).toBe(
      stateHash(unpaced.getSnapshot().context.game),
    );
    paced.stop();
    unpaced.stop();
  });

  test('a person who answers before the computers makes them answer first, as in a replay', () => {
    const level = mini();
    const paced = createGame(level, setupFor(['ukraine']), { computerDelay: 1000 });
    paced.start();
    vi.advanceTimersByTime(1000); // the US tables; Europe and Russia have not answered yet
    paced.send(answer('ukraine', false));
    expect(Object.keys(paced.getSnapshot().context.game.responses)).toHaveLength(4);
    vi.advanceTimersByTime(10_000); // the computers' side moves
    const game = paced.getSnapshot().context.game;
    const unpaced = createGame(level, setupFor(['ukraine']));
    unpaced.start();
    unpaced.send(answer('ukraine', false));
    expect(stateHash(game)).toBe(stateHash(unpaced.getSnapshot().context.game));
    paced.stop();
    unpaced.stop();
  });
});

describe('snapshots', () => {
  test('a persisted snapshot survives JSON and the restored actor plays on identically', () => {
    const level = mini();
    const actor = createGame(level, setupFor(['us']));
    actor.start();
    actor.send(propose('us', [1, 1, 2]));
    const persisted = JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as GameSnapshot;
    const restored = restoreGame(level, persisted);
    restored.start();
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
    const move: Move = { type: 'SIDE_MOVE', party: 'us', move: { kind: 'commitment', issue: 0 } };
    actor.send(move);
    restored.send(move);
    expect(stateHash(restored.getSnapshot().context.game)).toBe(
      stateHash(actor.getSnapshot().context.game),
    );
    actor.stop();
    restored.stop();
  });
});

describe('model-based paths (mini.json, Ukraine human, bounded)', () => {
  const level = mini();
  const machine = createGameMachine(level);
  const input = { game: newGame(level, setupFor(['ukraine'])) };
  const PACKAGES: Package[] = [
    [1, 1, 1],
    [0, 1, 0],
  ];
  /** The small move set: two packages, accept or reject, and pass. */
  const events = (s: GameSnapshot): Move[] => {
    switch (phaseOf(s.context.game)) {
      case 'proposal':
        return PACKAGES.map((pkg) => propose('ukraine', pkg));
      case 'responses':
        return [answer('ukraine', true), answer('ukraine', false)];
      case 'sideMoves':
        return [pass('ukraine')];
      default:
        return [];
    }
  };
  const serializeState = (s: GameSnapshot) =>
    `${JSON.stringify(s.value)}|${stateHash(s.context.game)}`;
  const bounds = { limit: 5000 };

  const paths = getShortestPaths(machine, { input, events, serializeState, ...bounds });

  test('explores a bounded number of reachable states', () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.length).toBeLessThan(5000);
  });

  test('every reachable state rests in a valid phase, within the deadline', () => {
    for (const path of paths) {
      const s = path.state;
      const game = s.context.game;
      expect(RESTING_PHASES).toContain(phaseOf(game));
      expect(game.round).toBeGreaterThanOrEqual(1);
      expect(game.round).toBeLessThanOrEqual(level.spec.deadline);
      if (FINAL_PHASES.includes(phaseOf(game))) {
        expect(s.value).toBe('over');
        expect(game.outcome).not.toBeNull();
      } else {
        // The actor only ever waits for the human seat.
        expect(s.value).toEqual({ playing: 'waiting' });
        expect(waitingFor(game)).toEqual(['ukraine']);
        expect(game.outcome).toBeNull();
      }
    }
  });

  test('both `signed` and `collapsed` are reachable', () => {
    const phases = new Set(paths.map((p) => phaseOf(p.state.context.game)));
    expect(phases).toContain('signed');
    expect(phases).toContain('collapsed');
  });

  test('a signed deal was accepted by every party and crosses no hard red line', () => {
    for (const path of paths.filter((p) => phaseOf(p.state.context.game) === 'signed')) {
      const { game } = path.state.context;
      const last = game.history.at(-1)!;
      for (const party of PARTIES) expect(last.responses[party]?.accept).toBe(true);
      for (const party of PARTIES)
        expect(
          level.parties[party].redLines.some((l) => l.hard && l.crosses(game.outcome!.deal!)),
        ).toBe(false);
    }
  });

  test('a real actor follows every path to an end exactly as the model does', () => {
    // createTestModel refuses machines with delayed transitions, so the paths are walked by hand.
    const ends = paths.filter((p) => p.state.value === 'over');
    expect(ends.length).toBeGreaterThan(0);
    for (const path of ends) {
      const actor = createActor(machine, { input });
      actor.start();
      for (const step of path.steps) {
        actor.send(step.event);
        const actual = actor.getSnapshot();
        expect(actual.value).toEqual(step.state.value);
        expect(stateHash(actual.context.game)).toBe(stateHash(step.state.context.game));
      }
      actor.stop();
    }
  });
});
