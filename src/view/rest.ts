// Lets the Phaser game loop sleep while nothing on the canvas moves. A turn-based game waits for
// people most of the time; rendering 60 identical frames a second only drains laptop batteries.
// No Phaser import: game.ts wires a real `TimeStep` in, and Vitest drives a fake one.

/** The part of Phaser's `TimeStep` (game.loop) this needs. */
export interface Sleeper {
  readonly running: boolean;
  sleep(): void;
  wake(seamless?: boolean): void;
}

export interface RestOptions {
  /** True while something animates (a tween runs, a scene has work queued). */
  readonly busy: () => boolean;
  /** Frames drawn after the last poke before the loop may sleep (scene starts take a frame or two). */
  readonly settleFrames?: number;
  /** Defers a wake-up past the current call stack (default: queueMicrotask). */
  readonly defer?: (task: () => void) => void;
}

/**
 * Wakes the loop for input, a snapshot, a tween or a resize (`poke`), and puts it back to sleep
 * once `settleFrames` frames have passed with nothing busy (`frameDone`, after each render).
 */
export class LoopRest {
  private framesSincePoke = 0;
  private awake = false;
  private wakeQueued = false;
  private readonly settleFrames: number;
  private readonly defer: (task: () => void) => void;
  /** Frames rendered and times the loop went to sleep, for the bench and tests. */
  frames = 0;
  sleeps = 0;

  constructor(
    private readonly loop: Sleeper,
    private readonly options: RestOptions,
  ) {
    this.settleFrames = options.settleFrames ?? 3;
    this.defer = options.defer ?? ((task) => queueMicrotask(task));
  }

  /** Something changed: draw a few frames (from the next tick, so the change is in them). */
  poke(): void {
    this.framesSincePoke = 0;
    if (this.loop.running || this.wakeQueued) return;
    // Never wake inside the frame that just slept: Phaser's rAF wrapper would start a second chain.
    this.wakeQueued = true;
    this.defer(() => {
      this.wakeQueued = false;
      this.framesSincePoke = 0;
      if (!this.loop.running) this.loop.wake();
    });
  }

  /** Bench only: keep the loop running (to measure the frame rate), or let it rest again. */
  keepAwake(on: boolean): void {
    this.awake = on;
    this.poke();
  }

  get keptAwake(): boolean {
    return this.awake;
  }

  get sleeping(): boolean {
    return !this.loop.running;
  }

  /** Called after every rendered frame. */
  frameDone(): void {
    this.frames++;
    this.framesSincePoke++;
    if (this.awake || this.framesSincePoke < this.settleFrames || this.options.busy()) return;
    if (this.loop.running) {
      this.loop.sleep();
      this.sleeps++;
    }
  }
}
