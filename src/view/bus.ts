import type { MapView, TableView } from './model';

export interface ViewEvents {
  table: TableView;
  map: MapView;
}

type Listener<K extends keyof ViewEvents> = (value: ViewEvents[K]) => void;

/**
 * Typed channel from the HTML shell to the Phaser scenes. It remembers the last value of each
 * kind so a scene that starts later draws the current state at once. Scenes must call the
 * function `on` returns when they shut down (Phaser does not drop listeners itself).
 */
export class ViewBus {
  private readonly listeners = new Map<keyof ViewEvents, Set<(value: never) => void>>();
  private readonly latest: Partial<ViewEvents> = {};

  on<K extends keyof ViewEvents>(kind: K, listener: Listener<K>): () => void {
    let set = this.listeners.get(kind);
    if (!set) this.listeners.set(kind, (set = new Set()));
    set.add(listener);
    const current = this.latest[kind];
    if (current !== undefined) listener(current);
    return () => set.delete(listener);
  }

  emit<K extends keyof ViewEvents>(kind: K, value: ViewEvents[K]): void {
    this.latest[kind] = value;
    for (const listener of this.listeners.get(kind) ?? []) (listener as Listener<K>)(value);
  }
}
