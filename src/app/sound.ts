// Sound: the player subscribes to the game actor's emitted cues on its own.
import type { SoundPlayer } from '../audio/player';
import type { GameRef } from './appMachine';

export const connectSound = (player: SoundPlayer, game: GameRef): (() => void) =>
  player.connect(game);
