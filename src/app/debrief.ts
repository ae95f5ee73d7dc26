// The debrief's chunk, loaded when a game ends and fetched ahead while it is played (shell.ts): the
// exact analysis of what was possible, the comparison with other ways to play the seat, and the
// debrief screen with its charts and share panel.
import { analyse } from '../core/analysis';
import { compareApproaches, soloSeat } from '../core/compare';
import type { GameState } from '../core/state';
import { runWhenIdle } from '../ui/idle';
import { render as renderDebrief } from '../ui/screens/debrief';
import type { Comparison, DebriefSelection, Intents } from '../ui/screens/types';

const comparisons = new WeakMap<GameState, Comparison>();

/** Starts the comparison games once per game; they run in idle slices (ui/idle.ts). */
function comparisonOf({ level, game }: DebriefSelection): Comparison | null {
  const seat = soloSeat(game);
  if (seat === null || !game.outcome) return null;
  let comparison = comparisons.get(game);
  if (!comparison) {
    comparison = {
      seat,
      settled: runWhenIdle(compareApproaches(level, game, seat)).then(
        (results) => ({ ok: true, results }) as const,
        () => ({ ok: false }) as const,
      ),
    };
    comparisons.set(game, comparison);
  }
  return comparison;
}

export function render(selection: DebriefSelection, intents: Intents): HTMLElement {
  const { level, game } = selection;
  const analysis = analyse(level, game, game.outcome?.deal ?? null);
  return renderDebrief({ ...selection, analysis, comparison: comparisonOf(selection) }, intents);
}
