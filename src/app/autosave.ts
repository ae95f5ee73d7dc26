// Autosave: subscribes to the game actor and saves after every move a person makes. A finished
// game leaves no save behind. Moves already in the game when it connects (a resumed or forked
// game) are not saved again, so a resume writes nothing until the player moves.
import { levelHash } from '../core/codes';
import type { Level } from '../core/level/level';
import { settle } from '../core/moves';
import type { Party } from '../core/parties';
import { clearSave, saveGame, saveRecordFor } from '../ui/saves';
import type { GameRef } from './appMachine';
import type { StorageLike } from './storage';

export function connectAutosave(
  game: GameRef,
  options: {
    readonly storage: StorageLike;
    readonly level: Level;
    readonly role: Party;
    readonly notify: (text: string) => void;
  },
): () => void {
  const hash = levelHash(options.level);
  let saved = game.getSnapshot().context.game.moves.length;
  let failed = false;
  const subscription = game.subscribe((snapshot) => {
    const state = snapshot.context.game;
    if (state.outcome) {
      clearSave(options.storage);
      return;
    }
    if (state.moves.length === saved) return;
    saved = state.moves.length;
    // Saved as a replay will rebuild it: with the computers' due moves made, since a paced
    // table may still be showing them one at a time when the person's move is saved.
    const result = saveGame(
      options.storage,
      saveRecordFor(settle(options.level, state), options.role, { levelHash: hash }),
    );
    // One notice per game at most, however many moves fail to save.
    if (!result.ok && !failed) {
      failed = true;
      options.notify(result.error.message);
    }
  });
  return () => subscription.unsubscribe();
}
