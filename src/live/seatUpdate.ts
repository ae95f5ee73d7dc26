// One message per seat per round of moves: the moves it has not had yet and only the parts of its
// SeatView that changed. A view is 4–10 KB (the briefing and a growing log) and most of it stays
// the same from move to move, so sending it whole to every seat after every move was most of the
// live server's work. Shared by the server, the browser client and the bots; no DOM, no Node.
import type { SeatView } from '../core/seatView';
import type { Move } from '../core/state';
import type { LogEntry } from '../core/transcript';

export interface SeatUpdate {
  /** Index of the first move in `moves`; 0 with every move for a client that has none yet. */
  readonly from: number;
  readonly moves: readonly Move[];
  /** Top-level SeatView fields that changed (every field in the first update), without `log`. */
  readonly changed: Partial<Omit<SeatView, 'log'>>;
  /** The log keeps its first `logFrom` entries, then `log` follows. */
  readonly logFrom: number;
  readonly log: readonly LogEntry[];
}

/** What a client was last sent, so the next update carries only the difference. */
export interface SentToSeat {
  readonly view: SeatView;
  readonly moves: number;
}

/** Deep equality for plain JSON data (what a SeatView is made of); allocates nothing. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // A key set to undefined counts as missing, as it does once sent.
  let keys = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    keys++;
    if (!sameData(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) keys--;
  return keys === 0;
}

const sameEntry = (a: LogEntry, b: LogEntry) =>
  a === b || (a.round === b.round && a.kind === b.kind && a.party === b.party && a.text === b.text);

/** The update that brings a client from `sent` to this view and these moves; null when none. */
export function seatUpdate(
  sent: SentToSeat | null,
  view: SeatView,
  moves: readonly Move[],
): SeatUpdate | null {
  const from = sent ? Math.min(sent.moves, moves.length) : 0;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view))
    if (key !== 'log' && (!sent || !sameData(value, sent.view[key as keyof SeatView])))
      changed[key] = value;
  // Entries can change in the middle (answers are listed in seat order), so keep the common start.
  let logFrom = 0;
  const before = sent?.view.log ?? [];
  while (
    logFrom < before.length &&
    logFrom < view.log.length &&
    sameEntry(before[logFrom]!, view.log[logFrom]!)
  )
    logFrom++;
  const update: SeatUpdate = {
    from,
    moves: moves.slice(from),
    changed: changed,
    logFrom,
    log: view.log.slice(logFrom),
  };
  const nothing =
    sent !== null &&
    update.moves.length === 0 &&
    Object.keys(changed).length === 0 &&
    update.log.length === 0 &&
    logFrom === view.log.length &&
    before.length === view.log.length;
  return nothing ? null : update;
}

/** The client side: the view after an update (null until the first, whole one has come). */
export function applySeatUpdate(view: SeatView | null, update: SeatUpdate): SeatView | null {
  const log = [...(view?.log ?? []).slice(0, update.logFrom), ...update.log];
  const next = { ...(view ?? {}), ...update.changed, log } as SeatView;
  // A first update carries every field; before it there is no view to patch.
  return view || 'seat' in update.changed ? next : null;
}

/** The client side: the moves list after an update. */
export function applySeatMoves(moves: readonly Move[], update: SeatUpdate): Move[] {
  const next = moves.slice(0, update.from);
  update.moves.forEach((move, i) => (next[update.from + i] = move));
  return next;
}
