// The debrief's chunk, loaded when a game ends and fetched ahead while it is played (shell.ts): the
// exact analysis of what was possible, and the debrief screen with its charts and share panel.
import { analyse } from '../core/analysis';
import { render as renderDebrief } from '../ui/screens/debrief';
import type { DebriefSelection, Intents } from '../ui/screens/types';

export function render(selection: DebriefSelection, intents: Intents): HTMLElement {
  const { level, game } = selection;
  const analysis = analyse(level, game, game.outcome?.deal ?? null);
  return renderDebrief({ ...selection, analysis }, intents);
}
