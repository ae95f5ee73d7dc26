// Which sound an emitted game event makes. Pure: no Howler, no DOM, so it is unit-tested alone.
// The machine decides *when* (it emits `sfx` cues, and only emits `tick` near the deadline);
// this module only maps events to sprite names and respects the mute switch.
import { SOUND_CUES, type GameEmitted, type SoundCue } from '../core/machine';

/** The looping background cue. */
export type LoopCue = 'murmur';
/** Every sound in the sprite (`assets/audio/sprite.json`). */
export type SpriteName = SoundCue | LoopCue;
export const SPRITE_NAMES: readonly SpriteName[] = ['murmur', ...SOUND_CUES];

/** The machine's emitted events, plus whether a game is in play (derived from snapshots). */
export type SoundEvent = GameEmitted | { readonly type: 'table'; readonly inPlay: boolean };

export type SoundAction =
  { readonly play: SoundCue } | { readonly loop: LoopCue; readonly on: boolean } | null;

export interface SoundSettings {
  /** The one switch: false mutes everything. */
  readonly sound: boolean;
}

const isSoundCue = (value: unknown): value is SoundCue =>
  typeof value === 'string' && (SOUND_CUES as readonly string[]).includes(value);

/**
 * The sound an event makes, or null. One-shot cues are dropped while muted (they would only pile
 * up); the murmur's on/off still passes through, since it is state, and a muted player keeps it
 * silent until sound comes back on.
 */
export function soundFor(event: SoundEvent, settings: SoundSettings): SoundAction {
  switch (event.type) {
    case 'sfx':
      return settings.sound && isSoundCue(event.cue) ? { play: event.cue } : null;
    case 'table':
      return { loop: 'murmur', on: event.inPlay };
    case 'news': // the machine emits the 'news' sfx cue beside it: one ping, not two
    case 'round':
      return null;
    default:
      return null;
  }
}

/** A game is in play (the murmur runs) from its start until it is signed or collapses. */
export const tableInPlay = (snapshot: { readonly status: string; readonly value: unknown }) =>
  snapshot.status === 'active' && snapshot.value !== 'over';
