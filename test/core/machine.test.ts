// The round machine: transition tests with xstate's pure functions, emitted sound cues on a real
// actor, and bounded model-based paths with xstate/graph on mini.json.
import { describe, expect, test } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import { createTestModel, getShortestPaths } from 'xstate/graph';
import {
  createGame,
  phaseOf,
  playComputerGame,
  stateHash,
  waitingFor,
  type GameSnapshot,
} from '../../src/core/game';
import type { Level, Package } from '../../src/core/level/level';
import { gameMachine, type GameEvent, type SoundCue } from '../../src/core/machine';
import { PARTIES, type Party } from '../../src/core/parties';
import { seatsFor, type GameSetup } from '../../src/core/rules';
import { FINAL_PHASES, RESTING_PHASES, levelFrom, mini, miniSpec } from './helpers';

const setupFor = (humans: Party[], seed = 'BCDF'): GameSetup => ({
  seed,
  difficulty: 'normal',
  seats: seatsFor(humans),
});

const begin = (level: Level, humans: Party[]): GameSnapshot =>
  initialTransition(gameMachine, { level, setup: setupFor(humans) })[0];

/** Applies events one after another with the pure transition function. */
const run = (snapshot: GameSnapshot, ...events: GameEvent[]): GameSnapshot =>
  events.reduce((s, event) => transition(gameMachine, s, event)[0], snapshot);

const propose = (party: Party, pkg: Package): GameEvent => ({
  type: 'PROPOSE',
  party,
  package: pkg,
});
const answer = (party: Party, accept: boolean): GameEvent => ({ type: 'RESPOND', party, accept });
const pass = (party: Party): GameEvent => ({ type: 'SIDE_MOVE', party, move: { kind: 'pass' } });

/** Cues emitted while a real actor processes the events. */
function cuesOf(
  level: Level,
  humans: Party[],
  events: GameEvent[],
): { cues: SoundCue[]; end: GameSnapshot } {
  const actor = createGame(level, setupFor(humans));
  const cues: SoundCue[] = [];
  actor.on('sfx', (e) => cues.push(e.cue));
  actor.start();
  actor.send({ type: 'START' });
  for (const event of events) actor.send(event);
  const end = actor.getSnapshot();
  actor.stop();
  return { cues, end };
}

describe('transitions', () => {
  test('starts in the briefing with nothing on the table', () => {
    const s = begin(mini(), ['ukraine']);
    expect(phaseOf(s)).toBe('briefing');
    expect(s.context.game.round).toBe(1);
    expect(s.context.game.table).toBeNull();
    expect(s.context.game.outcome).toBeNull();
    expect(waitingFor(s)).toEqual(['ukraine']);
  });

  test('START takes a human proposer to the proposal phase, where it waits for that seat', () => {
    const s = run(begin(mini(), ['us']), { type: 'START' });
    expect(phaseOf(s)).toBe('proposal');
    expect(s.context.game.proposer).toBe('us');
    expect(s.context.game.table).toBeNull();
    expect(waitingFor(s)).toEqual(['us']);
    // Nothing moves on by itself.
    expect(phaseOf(run(s, answer('us', true), pass('us')))).toBe('proposal');
  });

  test('computer seats propose and answer at once, leaving only the human to respond', () => {
    const s = run(begin(mini(), ['ukraine']), { type: 'START' });
    expect(phaseOf(s)).toBe('responses');
    expect(s.context.game.table?.proposer).toBe('us');
    for (const party of ['us', 'europe', 'russia'] as const)
      expect(s.context.game.responses[party]).toBeDefined();
    expect(s.context.game.responses.ukraine).toBeUndefined();
    expect(waitingFor(s)).toEqual(['ukraine']);
  });

  test('ignores a PROPOSE from a party whose turn it is not', () => {
    const s = run(begin(mini(), ['us', 'ukraine']), { type: 'START' });
    for (const wrong of [propose('ukraine', [1, 1, 1]), propose('europe', [1, 1, 1])]) {
      const next = run(s, wrong);
      expect(phaseOf(next)).toBe('proposal');
      expect(next.context.game.table).toBeNull();
      expect(next.context.game.moves).toEqual([]);
    }
  });

  test('ignores a PROPOSE of something that is not a package', () => {
    const s = run(begin(mini(), ['us']), { type: 'START' });
    for (const pkg of [
      [1, 1],
      [3, 0, 0],
      [1, 1, 1, 1],
    ]) {
      const next = run(s, propose('us', pkg));
      expect(phaseOf(next)).toBe('proposal');
      expect(next.context.game.moves).toEqual([]);
    }
  });

  test('ignores a PROPOSE that crosses the proposer’s own hard red line', () => {
    const spec = miniSpec();
    spec.turnOrder = ['ukraine', 'us', 'europe', 'russia'];
    const level = levelFrom(spec);
    const s = run(begin(level, ['ukraine']), { type: 'START' });
    expect(waitingFor(s)).toEqual(['ukraine']);
    const refused = run(s, propose('ukraine', [1, 0, 2])); // words alone
    expect(phaseOf(refused)).toBe('proposal');
    expect(refused.context.game.moves).toEqual([]);
    expect(phaseOf(run(s, propose('ukraine', [1, 1, 2])))).not.toBe('proposal');
  });

  test('a legal PROPOSE by the human is recorded and answered by every computer seat', () => {
    const s = run(begin(mini(), ['us']), { type: 'START' }, propose('us', [1, 1, 2]));
    expect(['responses', 'sideMoves', 'signed']).toContain(phaseOf(s));
    const { game } = s.context;
    expect(game.moves).toEqual([{ type: 'PROPOSE', party: 'us', package: [1, 1, 2] }]);
    expect(game.table).toMatchObject({ proposer: 'us', package: [1, 1, 2] });
    for (const party of PARTIES) expect(game.responses[party]).toBeDefined();
    expect(game.responses.us?.accept).toBe(true);
    // Russia cannot take a treaty in round 1, so the round goes on to side moves.
    expect(phaseOf(s)).toBe('sideMoves');
    expect(waitingFor(s)).toEqual(['us']);
  });

  test('a rejection carries the red line behind it', () => {
    const s = run(begin(mini(), ['us']), { type: 'START' }, propose('us', [2, 1, 2]));
    expect(s.context.game.responses.russia).toMatchObject({ accept: false, redLine: 'no-troops' });
  });

  test('takes RESPOND only once per party, and only from a human seat that has not answered', () => {
    const s = run(begin(mini(), ['europe', 'ukraine']), { type: 'START' });
    expect(waitingFor(s)).toEqual(['europe', 'ukraine']);
    const once = run(s, answer('europe', true));
    expect(once.context.game.responses.europe?.accept).toBe(true);
    expect(waitingFor(once)).toEqual(['ukraine']);
    const again = run(once, answer('europe', false), answer('russia', true), answer('us', false));
    expect(again.context.game.responses.europe?.accept).toBe(true);
    expect(again.context.game.responses).toEqual(once.context.game.responses);
    expect(again.context.game.moves).toHaveLength(1);
    expect(phaseOf(again)).toBe('responses');
  });

  test('a human rejection names the red line the package crosses', () => {
    const level = mini();
    const s = run(begin(level, ['russia']), { type: 'START' });
    const pkg = s.context.game.table!.package;
    const crossed = level.parties.russia.redLines.find((l) => l.crosses(pkg));
    expect(crossed).toBeDefined(); // the US opens with a treaty
    const next = run(s, answer('russia', false));
    expect(phaseOf(next)).toBe('sideMoves');
    expect(next.context.game.responses.russia).toEqual({
      accept: false,
      says: crossed!.says,
      redLine: crossed!.id,
    });
  });

  test('side moves: one per human seat, none to oneself, then the next round', () => {
    const s = run(begin(mini(), ['us']), { type: 'START' }, propose('us', [1, 1, 2]));
    const self = run(s, {
      type: 'SIDE_MOVE',
      party: 'us',
      move: { kind: 'pressure', target: 'us' },
    });
    expect(phaseOf(self)).toBe('sideMoves');
    const fromComputer = run(s, pass('europe'));
    expect(phaseOf(fromComputer)).toBe('sideMoves');
    const next = run(s, {
      type: 'SIDE_MOVE',
      party: 'us',
      move: { kind: 'pressure', target: 'russia' },
    });
    expect(next.context.game.round).toBe(2);
    expect(next.context.game.history).toHaveLength(1);
    expect(next.context.game.history[0]!.sideMoves.us).toEqual({
      kind: 'pressure',
      target: 'russia',
    });
    // Round 2 is Europe's (a computer): it has already tabled and everyone but the US answered.
    expect(phaseOf(next)).toBe('responses');
    expect(next.context.game.table?.proposer).toBe('europe');
  });

  test('everyone accepting ends in `signed` with an outcome for the deal', () => {
    const level = mini();
    const humans = [...PARTIES];
    const s = run(
      begin(level, humans),
      { type: 'START' },
      propose('us', [1, 1, 1]),
      answer('europe', true),
      answer('russia', true),
      answer('ukraine', true),
    );
    expect(phaseOf(s)).toBe('signed');
    expect(s.status).toBe('done');
    const outcome = s.context.game.outcome!;
    expect(outcome.deal).toEqual([1, 1, 1]);
    expect(outcome.kind).not.toBe('noDeal');
    expect(outcome.stress?.years.length).toBeGreaterThan(0);
    for (const party of PARTIES) expect(outcome.scores[party]).toBeGreaterThanOrEqual(0);
    expect(s.context.game.history.at(-1)?.proposal.package).toEqual([1, 1, 1]);
    expect(waitingFor(s)).toEqual([]);
    // A finished game ignores further events.
    expect(run(s, propose('europe', [1, 1, 1]), answer('us', false)).context.game).toEqual(
      s.context.game,
    );
  });

  test('the deadline passing ends in `collapsed` with no deal', () => {
    const level = mini();
    let s = run(begin(level, ['ukraine']), { type: 'START' });
    for (let round = 1; round <= level.spec.deadline; round++) {
      expect(s.context.game.round).toBe(round);
      s =
        phaseOf(s) === 'proposal'
          ? run(s, propose('ukraine', [1, 1, 1]), pass('ukraine'))
          : run(s, answer('ukraine', false), pass('ukraine'));
      if (phaseOf(s) === 'sideMoves') s = run(s, pass('ukraine'));
    }
    expect(phaseOf(s)).toBe('collapsed');
    const { game } = s.context;
    expect(game.round).toBe(level.spec.deadline);
    expect(game.history).toHaveLength(level.spec.deadline);
    expect(game.outcome).toMatchObject({ kind: 'noDeal', deal: null, stress: null });
    for (const party of PARTIES)
      expect(game.outcome!.utilities[party]).toBe(game.parties[party].reservation);
  });

  test('a game of computers alone ends by the deadline', () => {
    const level = mini();
    for (const seed of ['BCDF', 'TTTT', '9K2M']) {
      const s = playComputerGame(level, { seed, difficulty: 'normal' });
      expect(FINAL_PHASES).toContain(phaseOf(s));
      expect(s.context.game.round).toBeLessThanOrEqual(level.spec.deadline);
      expect(s.context.game.moves).toEqual([]);
    }
  });
});

describe('emitted events', () => {
  test('a proposal sounds paper, a rejection reject, a signing the gavel', () => {
    const level = mini();
    const { cues, end } = cuesOf(
      level,
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
    expect(phaseOf(end)).toBe('signed');
    expect(cues[0]).toBe('paper');
    expect(cues).toContain('reject');
    expect(cues.filter((c) => c === 'paper')).toHaveLength(2);
    expect(cues.slice(-2)).toEqual(['gavel', 'signing']);
  });

  test('in hot-seat play a proposal sounds paper alone, before anyone has answered', () => {
    const { cues, end } = cuesOf(mini(), [...PARTIES], [propose('us', [1, 1, 1])]);
    expect(phaseOf(end)).toBe('responses');
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
    actor.send({ type: 'START' });
    while (actor.getSnapshot().status === 'active') {
      const s = actor.getSnapshot();
      if (phaseOf(s) === 'proposal') actor.send(propose('ukraine', [1, 1, 1]));
      else if (phaseOf(s) === 'responses') actor.send(answer('ukraine', false));
      else actor.send(pass('ukraine'));
    }
    expect(phaseOf(actor.getSnapshot())).toBe('collapsed');
    expect(cues.at(-1)).toBe('collapse');
    expect(cues).not.toContain('gavel');
    // Every card of the deck is drawn once, in the order of the shuffled deck.
    expect([...cards].sort()).toEqual(level.events.map((_, k) => k));
    expect(cues.filter((c) => c === 'news')).toHaveLength(cards.length);
    expect(rounds).toEqual(Array.from({ length: level.spec.deadline - 1 }, (_, k) => k + 2));
    expect(cues).toContain('tick');
    actor.stop();
  });

  test('the pure transition returns the emitted cues as actions', () => {
    const s = run(begin(mini(), ['us']), { type: 'START' });
    const [, actions] = transition(gameMachine, s, propose('us', [1, 1, 2]));
    const emitted = (actions as { type: string; params?: unknown }[])
      .filter((a) => a.type === 'xstate.emit')
      .map((a) => (a.params as { event: { type: string; cue?: string } }).event);
    expect(emitted).toContainEqual({ type: 'sfx', cue: 'paper' });
  });
});

describe('model-based paths (mini.json, Ukraine human, bounded)', () => {
  const level = mini();
  const input = { level, setup: setupFor(['ukraine']) };
  const PACKAGES: Package[] = [
    [1, 1, 1],
    [0, 1, 0],
  ];
  /** The small event set: START, two packages, accept or reject, and pass. */
  const events = (s: GameSnapshot): GameEvent[] => {
    switch (phaseOf(s)) {
      case 'briefing':
        return [{ type: 'START' }];
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

  const paths = getShortestPaths(gameMachine, { input, events, serializeState, ...bounds });

  test('explores a bounded number of reachable states', () => {
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.length).toBeLessThan(5000);
  });

  test('every reachable state rests in a valid phase, within the deadline', () => {
    for (const path of paths) {
      const s = path.state;
      expect(RESTING_PHASES).toContain(phaseOf(s));
      expect(s.context.game.round).toBeGreaterThanOrEqual(1);
      expect(s.context.game.round).toBeLessThanOrEqual(level.spec.deadline);
      if (FINAL_PHASES.includes(phaseOf(s))) {
        expect(s.status).toBe('done');
        expect(s.context.game.outcome).not.toBeNull();
      } else {
        // The machine only ever waits for the human seat.
        expect(waitingFor(s)).toEqual(['ukraine']);
        expect(s.context.game.outcome).toBeNull();
      }
    }
  });

  test('both `signed` and `collapsed` are reachable', () => {
    const phases = new Set(paths.map((p) => phaseOf(p.state)));
    expect(phases).toContain('signed');
    expect(phases).toContain('collapsed');
  });

  test('a signed deal was accepted by every party and crosses no hard red line', () => {
    for (const path of paths.filter((p) => phaseOf(p.state) === 'signed')) {
      const { game } = path.state.context;
      const last = game.history.at(-1)!;
      for (const party of PARTIES) expect(last.responses[party]?.accept).toBe(true);
      for (const party of PARTIES)
        expect(
          level.parties[party].redLines.some((l) => l.hard && l.crosses(game.outcome!.deal!)),
        ).toBe(false);
    }
  });

  test('a real actor follows every path to an end exactly as the model does', async () => {
    const model = createTestModel(gameMachine, { input, events, serializeState, ...bounds });
    const ends = model.getShortestPaths({ toState: (s) => s.status === 'done' });
    expect(ends.length).toBeGreaterThan(0);
    for (const path of ends) {
      const actor = createActor(gameMachine, { input });
      actor.start();
      // The model's steps carry the full events; the executor's type only names their `type`.
      const send = (step: { event: { type: string } }) => actor.send(step.event as GameEvent);
      await path.test({
        events: { START: send, PROPOSE: send, RESPOND: send, SIDE_MOVE: send },
        states: {
          '*': (state) => {
            const actual = actor.getSnapshot();
            expect(actual.value).toEqual(state.value);
            expect(stateHash(actual.context.game)).toBe(stateHash(state.context.game));
          },
        },
      });
      actor.stop();
    }
  });
});
