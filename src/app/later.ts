// Parts of the game not every player needs at first paint (the debrief, the replay viewer, the
// role cards) live in chunks of their own, loaded on first use and kept. The service worker
// precaches them, so they load offline after one visit; a chunk that still fails (the network
// dropped on a first visit, or a new build removed the old file) is reported in plain words and
// may be asked for again.

/** A module loaded on first use and kept for the page's life. */
export class Later<T> {
  private module: T | null = null;
  private pending: Promise<T> | null = null;

  constructor(private readonly load: () => Promise<T>) {}

  /** The module, once it has arrived; null before. */
  get loaded(): T | null {
    return this.module;
  }

  /** Starts loading (once at a time); after a failure the next call tries again. */
  fetch(): Promise<T> {
    this.pending ??= this.load().then(
      (module) => (this.module = module),
      (error: unknown) => {
        this.pending = null;
        throw error;
      },
    );
    return this.pending;
  }

  /** Loads ahead of need, while the player is busy elsewhere; a failure waits for real use. */
  prefetch(): void {
    if (!this.module) this.fetch().catch(() => undefined);
  }
}

export const LOAD_FAILED =
  'This part of the game could not be loaded: the connection may be down. Try again, or reload the page.';
