import { describe, expect, it } from 'vitest';
import { SOUND_CUES } from '../core/machine';
import { readFileSync } from 'node:fs';
import spriteMap from './sprite.json';
import { SPRITE_NAMES, soundFor, tableInPlay } from './cues';

const on = { sound: true };
const off = { sound: false };

describe('soundFor', () => {
  it('plays paper when a proposal is tabled', () => {
    expect(soundFor({ type: 'sfx', cue: 'paper' }, on)).toEqual({ play: 'paper' });
  });

  it.each(SOUND_CUES)('passes the machine cue %s straight through', (cue) => {
    expect(soundFor({ type: 'sfx', cue }, on)).toEqual({ play: cue });
  });

  it('plays nothing while muted', () => {
    for (const cue of SOUND_CUES) expect(soundFor({ type: 'sfx', cue }, off)).toBeNull();
  });

  it('makes no second sound for news and rounds (the sfx cue beside them does)', () => {
    expect(soundFor({ type: 'news', card: 2 }, on)).toBeNull();
    expect(soundFor({ type: 'round', round: 3 }, on)).toBeNull();
  });

  it('turns the murmur on and off with the table, muted or not', () => {
    expect(soundFor({ type: 'table', inPlay: true }, on)).toEqual({ loop: 'murmur', on: true });
    expect(soundFor({ type: 'table', inPlay: false }, off)).toEqual({ loop: 'murmur', on: false });
  });

  it('ignores an unknown cue rather than asking for a missing sprite', () => {
    const odd = { type: 'sfx', cue: 'fanfare' } as unknown as Parameters<typeof soundFor>[0];
    expect(soundFor(odd, on)).toBeNull();
  });
});

describe('tableInPlay', () => {
  it('is true while the game actor plays, false once it is over or stopped', () => {
    expect(tableInPlay({ status: 'active', value: { playing: 'waiting' } })).toBe(true);
    expect(tableInPlay({ status: 'active', value: { playing: 'thinking' } })).toBe(true);
    expect(tableInPlay({ status: 'active', value: 'over' })).toBe(false);
    expect(tableInPlay({ status: 'stopped', value: { playing: 'waiting' } })).toBe(false);
  });
});

describe('the sprite map', () => {
  it('has every cue, in order, without overlaps, and only the murmur loops', () => {
    const entries = Object.entries(spriteMap as Record<string, (number | boolean)[]>);
    expect(entries.map(([name]) => name).sort()).toEqual([...SPRITE_NAMES].sort());
    let end = 0;
    for (const [name, [start, duration, loop]] of entries) {
      expect(start as number).toBeGreaterThanOrEqual(end);
      expect(duration as number).toBeGreaterThan(0);
      expect(duration as number).toBeLessThanOrEqual(name === 'murmur' ? 6000 : 1500);
      expect(loop === true).toBe(name === 'murmur');
      end = (start as number) + (duration as number);
    }
  });

  it('is the same as the one served beside the audio files', () => {
    expect(JSON.parse(readFileSync('assets/audio/sprite.json', 'utf8'))).toEqual(spriteMap);
  });
});
