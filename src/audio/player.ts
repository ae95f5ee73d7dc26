// Plays the game's sounds with Howler. Browsers forbid audio before a user gesture, so nothing
// touches Howler (no Howl, no AudioContext) until `unlock()` runs from the first click or key.
// What to play comes from the machine's emitted events through `soundFor` (cues.ts).
import type { Howl, HowlerGlobal, SoundSpriteDefinitions } from 'howler';
import type { GameEmitted } from '../core/machine';
// A copy of assets/audio/sprite.json (scripts/build-sounds.sh writes both): Vite serves assets/
// as its public directory, whose files source code may not import.
import spriteMap from './sprite.json';
import { soundFor, tableInPlay, type SoundAction, type SoundEvent } from './cues';

/** Paths relative to the page (Vite serves `assets/` as the public directory). */
export const SPRITE_SOURCES: readonly string[] = ['audio/sprite.webm', 'audio/sprite.mp3'];
/** The sprite map that scripts/build-sounds.sh writes, as Howler's tuples. */
export const SPRITE: SoundSpriteDefinitions = Object.fromEntries(
  Object.entries(spriteMap as Record<string, (number | boolean)[]>).map(
    ([name, [start, length, loop]]) => [
      name,
      loop === true ? [Number(start), Number(length), true] : [Number(start), Number(length)],
    ],
  ),
);

interface Subscription {
  unsubscribe(): void;
}

/** What `connect` needs of an actor: an xstate `Actor<typeof gameMachine>` fits. */
export interface SoundSource {
  on(type: '*', handler: (event: GameEmitted) => void): Subscription;
  subscribe(listener: (snapshot: { status: string; value: unknown }) => void): Subscription;
  getSnapshot(): { status: string; value: unknown };
}

export interface SoundPlayerOptions {
  /** Starts muted when false (default true). */
  readonly sound?: boolean;
  /** 0..1 (default 0.8). */
  readonly volume?: number;
  readonly src?: readonly string[];
  readonly sprite?: SoundSpriteDefinitions;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 1);

export class SoundPlayer {
  private howl: Howl | null = null;
  private howler: HowlerGlobal | null = null;
  private unlocking: Promise<void> | null = null;
  private sound: boolean;
  private volume: number;
  private murmurWanted = false;
  private murmurId: number | null = null;
  private readonly src: readonly string[];
  private readonly sprite: SoundSpriteDefinitions;

  constructor(options: SoundPlayerOptions = {}) {
    this.sound = options.sound ?? true;
    this.volume = clamp01(options.volume ?? 0.8);
    this.src = options.src ?? SPRITE_SOURCES;
    this.sprite = options.sprite ?? SPRITE;
  }

  /** True once a gesture has unlocked audio and the sprite was created. */
  get unlocked(): boolean {
    return this.howl !== null;
  }

  /**
   * Call from a click or keydown handler. Loads Howler (its own chunk: no player needs it before a
   * gesture) and creates the Howl, and with it the AudioContext, on the first call; later calls
   * return the same promise. Sounds requested before this were dropped, except the murmur, which
   * starts now if a game is in play. A Howler chunk that fails to load leaves the game silent.
   */
  unlock(): Promise<void> {
    this.unlocking ??= import('howler').then(
      ({ Howl, Howler }) => {
        this.howler = Howler;
        this.howl = new Howl({
          src: [...this.src],
          sprite: this.sprite,
          volume: this.volume,
          preload: true,
          // A missing or undecodable file leaves the game silent, never broken.
          onloaderror: () => undefined,
          onplayerror: () => undefined,
        });
        Howler.mute(!this.sound);
        this.syncMurmur();
      },
      () => undefined,
    );
    return this.unlocking;
  }

  /**
   * Unlocks on the first click, tap or key anywhere in `target`. Returns a function that removes
   * the listeners (they also remove themselves after the first gesture).
   */
  unlockOnFirstGesture(target: Pick<Document, 'addEventListener' | 'removeEventListener'>) {
    const events = ['pointerdown', 'keydown', 'click', 'touchend'] as const;
    const remove = () => {
      for (const type of events) target.removeEventListener(type, handler, true);
    };
    const handler = () => {
      remove();
      void this.unlock();
    };
    for (const type of events) target.addEventListener(type, handler, true);
    return remove;
  }

  /** The one switch. */
  setMuted(muted: boolean): void {
    this.sound = !muted;
    this.howler?.mute(muted);
  }

  setVolume(volume: number): void {
    this.volume = clamp01(volume);
    this.howl?.volume(this.volume);
  }

  /** Convenience for the settings store: `store.subscribe((s) => player.applySettings(s))`. */
  applySettings(settings: { readonly sound: boolean; readonly volume: number }): void {
    this.setMuted(!settings.sound);
    this.setVolume(settings.volume);
  }

  /** Feeds one event through the cue mapping and performs the result. */
  handle(event: SoundEvent): SoundAction {
    const action = soundFor(event, { sound: this.sound });
    if (!action) return null;
    if ('play' in action) {
      if (this.howl) this.howl.play(action.play);
    } else {
      this.murmurWanted = action.on;
      this.syncMurmur();
    }
    return action;
  }

  /**
   * Plays the actor's emitted cues and runs the murmur while its game is in play. Returns an
   * unsubscribe function; call it before connecting the next game's actor.
   */
  connect(actor: SoundSource): () => void {
    let inPlay: boolean | null = null;
    const table = (snapshot: { status: string; value: unknown }) => {
      const now = tableInPlay(snapshot);
      if (now === inPlay) return;
      inPlay = now;
      this.handle({ type: 'table', inPlay: now });
    };
    const emitted = actor.on('*', (event) => this.handle(event));
    const snapshots = actor.subscribe(table);
    table(actor.getSnapshot());
    return () => {
      emitted.unsubscribe();
      snapshots.unsubscribe();
      if (inPlay) this.handle({ type: 'table', inPlay: false });
    };
  }

  /** Stops everything (e.g. on hot reload). */
  stop(): void {
    this.murmurWanted = false;
    this.howl?.stop();
    this.murmurId = null;
  }

  private syncMurmur(): void {
    if (!this.howl) return;
    if (this.murmurWanted && this.murmurId === null) this.murmurId = this.howl.play('murmur');
    else if (!this.murmurWanted && this.murmurId !== null) {
      this.howl.stop(this.murmurId);
      this.murmurId = null;
    }
  }
}
