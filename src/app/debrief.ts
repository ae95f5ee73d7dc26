// The debrief's chunk, loaded when a game ends and fetched ahead while it is played (shell.ts): the
// exact analysis of what was possible, the comparison with other ways to play the seat, and the
// debrief screen with its charts and share panel.
import { analyse } from '../core/analysis';
import { compareApproaches, soloSeat } from '../core/compare';
import type { GameState } from '../core/state';
import { render as renderDebrief } from '../ui/screens/debrief';
import type { Comparison, ComparisonSettled, DebriefSelection, Intents } from '../ui/screens/types';

/** Longest stretch of comparison work per idle slice (ms): well inside one frame. */
const SLICE_MS = 6;

const comparisons = new WeakMap<GameState, Comparison>();

/** Plays the comparison games in idle slices, so the debrief (and any animation) never waits. */
function startComparison(selection: DebriefSelection): Comparison | null {
  const { level, game } = selection;
  const seat = soloSeat(game);
  if (seat === null || !game.outcome) return null;
  const known = comparisons.get(game);
  if (known) return known;
  const steps = compareApproaches(level, game, seat);
  let settled: ComparisonSettled | null = null;
  const listeners: ((s: ComparisonSettled) => void)[] = [];
  const settle = (s: ComparisonSettled) => {
    settled = s;
    for (const listener of listeners.splice(0)) listener(s);
  };
  const later = (work: () => void) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(work, { timeout: 200 })
      : setTimeout(work, 16);
  const slice = () => {
    const until = performance.now() + SLICE_MS;
    try {
      for (;;) {
        const step = steps.next();
        if (step.done) return settle({ ok: true, results: step.value });
        if (performance.now() >= until) break;
      }
    } catch {
      return settle({ ok: false });
    }
    later(slice);
  };
  later(slice);
  const comparison: Comparison = {
    seat,
    whenSettled: (listener) => {
      if (settled) listener(settled);
      else listeners.push(listener);
    },
  };
  comparisons.set(game, comparison);
  return comparison;
}

export function render(selection: DebriefSelection, intents: Intents): HTMLElement {
  const { level, game } = selection;
  const analysis = analyse(level, game, game.outcome?.deal ?? null);
  return renderDebrief({ ...selection, analysis, comparison: startComparison(selection) }, intents);
}
