import { beforeEach, describe, expect, it, vi } from 'vitest';

const howler = vi.hoisted(() => {
  let nextId = 0;
  class FakeHowl {
    static instances: FakeHowl[] = [];
    readonly played: string[] = [];
    constructor(readonly options: { src: string[]; sprite: object; volume: number }) {
      FakeHowl.instances.push(this);
    }
    play = vi.fn((name: string) => {
      this.played.push(name);
      return ++nextId;
    });
    stop = vi.fn();
    volume = vi.fn();
  }
  return { Howl: FakeHowl, Howler: { mute: vi.fn() } };
});
vi.mock('howler', () => howler);

import { createGame } from '../core/game';
import { seatsFor } from '../core/rules';
import type { GameEmitted } from '../core/machine';
import { loadCatalog } from '../levels';
import { SPRITE_NAMES } from './cues';
import { SoundPlayer, type SoundSource } from './player';

const lastHowl = () => howler.Howl.instances.at(-1)!;

/** A hand-driven actor: emit events and snapshots at will. */
function fakeActor(value = 'over') {
  let snapshot = { status: 'active', value: value as unknown };
  const emitted = new Set<(e: GameEmitted) => void>();
  const listeners = new Set<(s: typeof snapshot) => void>();
  const actor: SoundSource = {
    on: (_type, handler) => (emitted.add(handler), { unsubscribe: () => emitted.delete(handler) }),
    subscribe: (listener) => (
      listeners.add(listener),
      { unsubscribe: () => listeners.delete(listener) }
    ),
    getSnapshot: () => snapshot,
  };
  return {
    actor,
    emit: (e: GameEmitted) => emitted.forEach((h) => h(e)),
    move: (status: string, v: string) => {
      snapshot = { status, value: v };
      listeners.forEach((l) => l(snapshot));
    },
    listeners: () => emitted.size + listeners.size,
  };
}

beforeEach(() => {
  howler.Howl.instances.length = 0;
  howler.Howler.mute.mockClear();
});

describe('SoundPlayer', () => {
  it('creates nothing and plays nothing before unlock', () => {
    const player = new SoundPlayer();
    const game = fakeActor();
    player.connect(game.actor);
    game.move('active', 'proposal');
    game.emit({ type: 'sfx', cue: 'paper' });
    player.setMuted(true);
    player.setVolume(0.3);
    expect(howler.Howl.instances).toHaveLength(0);
    expect(howler.Howler.mute).not.toHaveBeenCalled();
    expect(player.unlocked).toBe(false);
  });

  it('plays paper for a proposal once unlocked', async () => {
    const player = new SoundPlayer();
    await player.unlock();
    const game = fakeActor('proposal');
    player.connect(game.actor);
    game.emit({ type: 'sfx', cue: 'paper' });
    expect(lastHowl().played).toEqual(['murmur', 'paper']);
    expect(lastHowl().options.src).toEqual(['audio/sprite.webm', 'audio/sprite.mp3']);
    expect(Object.keys(lastHowl().options.sprite).sort()).toEqual([...SPRITE_NAMES].sort());
  });

  it('creates the Howl once, however many gestures come', async () => {
    const player = new SoundPlayer();
    await player.unlock();
    await player.unlock();
    expect(howler.Howl.instances).toHaveLength(1);
  });

  it('unlocks on the first key or click and then stops listening', async () => {
    const player = new SoundPlayer();
    const target = new EventTarget();
    player.unlockOnFirstGesture(target);
    expect(player.unlocked).toBe(false);
    target.dispatchEvent(new Event('keydown'));
    target.dispatchEvent(new Event('click'));
    await new Promise((resolve) => setTimeout(resolve, 0)); // Howler's chunk loads
    expect(player.unlocked).toBe(true);
    expect(howler.Howl.instances).toHaveLength(1);
  });

  it('plays nothing while muted, and mutes Howler globally', async () => {
    const player = new SoundPlayer({ sound: false });
    await player.unlock();
    expect(howler.Howler.mute).toHaveBeenLastCalledWith(true);
    const game = fakeActor('proposal');
    player.connect(game.actor);
    game.emit({ type: 'sfx', cue: 'reject' });
    expect(lastHowl().played).not.toContain('reject');
    player.setMuted(false);
    expect(howler.Howler.mute).toHaveBeenLastCalledWith(false);
    game.emit({ type: 'sfx', cue: 'reject' });
    expect(lastHowl().played).toContain('reject');
  });

  it('applies the volume, given before or after unlock, clamped to 0..1', async () => {
    const player = new SoundPlayer({ volume: 0.4 });
    player.setVolume(0.25);
    await player.unlock();
    expect(lastHowl().options.volume).toBe(0.25);
    player.setVolume(0.6);
    expect(lastHowl().volume).toHaveBeenLastCalledWith(0.6);
    player.applySettings({ sound: true, volume: 7 });
    expect(lastHowl().volume).toHaveBeenLastCalledWith(1);
  });

  it('runs the murmur while a game is in play, starting it at unlock if it is', async () => {
    const player = new SoundPlayer();
    const game = fakeActor();
    const disconnect = player.connect(game.actor);
    game.move('active', 'proposal');
    await player.unlock();
    const howl = lastHowl();
    expect(howl.played).toEqual(['murmur']);
    game.move('active', 'responses');
    expect(howl.played).toEqual(['murmur']);
    game.move('done', 'signed');
    expect(howl.stop).toHaveBeenCalledTimes(1);
    disconnect();
    expect(game.listeners()).toBe(0);
  });

  it('stops the murmur when disconnected mid-game', async () => {
    const player = new SoundPlayer();
    await player.unlock();
    const disconnect = player.connect(fakeActor('proposal').actor);
    disconnect();
    expect(lastHowl().stop).toHaveBeenCalledTimes(1);
  });

  it('follows a real game: every cue it emits is in the sprite', async () => {
    const level = [...loadCatalog().levels.values()][0]!;
    const actor = createGame(level, {
      seed: 'BCDFGH12',
      difficulty: 'normal',
      seats: seatsFor([]),
    });
    const player = new SoundPlayer();
    await player.unlock();
    const disconnect = player.connect(actor);
    actor.start(); // four computer seats: the game runs to its end at once
    const played = lastHowl().played;
    expect(actor.getSnapshot().value).toBe('over');
    expect(played).toContain('paper');
    expect(played.some((name) => name === 'gavel' || name === 'collapse')).toBe(true);
    for (const name of played) expect(SPRITE_NAMES).toContain(name);
    disconnect();
    actor.stop();
  });

  it('starts the murmur when a real game starts, and stops it when the game is over', async () => {
    const level = [...loadCatalog().levels.values()][0]!;
    const actor = createGame(level, {
      seed: 'BCDFGH12',
      difficulty: 'normal',
      seats: seatsFor(['ukraine']),
    });
    const player = new SoundPlayer();
    await player.unlock();
    expect(lastHowl().played).toEqual([]);
    const disconnect = player.connect(actor);
    actor.start();
    expect(lastHowl().played.filter((name) => name === 'murmur')).toHaveLength(1);
    disconnect();
    expect(lastHowl().stop).toHaveBeenCalledTimes(1);
    actor.stop();
  });
});
