// Which seat the screen is for. Pure: the app machine's guards and the selector use it.
import { waitingFor } from '../core/moves';
import { PARTIES, type Party } from '../core/parties';
import type { GameState } from '../core/state';

/**
 * The seat the screen should show next: the seat on screen while it is due; otherwise the next
 * person due, in seat order after the one on screen; otherwise the seat on screen (computers are
 * thinking, or the game is over).
 */
export function seatToShow(
  game: GameState,
  humans: readonly Party[],
  onScreen: Party | null,
): Party | null {
  const due = waitingFor(game).filter((p) => humans.includes(p));
  if (onScreen !== null && due.includes(onScreen)) return onScreen;
  if (due.length === 0) return onScreen;
  const start = onScreen === null ? 0 : PARTIES.indexOf(onScreen) + 1;
  for (let k = 0; k < PARTIES.length; k++) {
    const party = PARTIES[(start + k) % PARTIES.length]!;
    if (due.includes(party)) return party;
  }
  return onScreen;
}

/** Whether the device must change hands before anyone can act. */
export const needsHandover = (
  game: GameState,
  humans: readonly Party[],
  onScreen: Party | null,
): boolean => game.outcome === null && seatToShow(game, humans, onScreen) !== onScreen;
