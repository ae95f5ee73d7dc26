// @vitest-environment happy-dom
// Issue 9: the side-move panel offers only legal levers and targets, and a refused move shows its
// reason next to the control.
import { describe, expect, test } from 'vitest';
import { applyMove, newGame, phaseOf } from '../../src/core/moves';
import { computerProposal } from '../../src/core/negotiator';
import { seatsFor } from '../../src/core/rules';
import { seatView } from '../../src/core/seatView';
import type { GameState, Move } from '../../src/core/state';
import { loadCatalog } from '../../src/levels';
import { sideMovePanel } from '../../src/ui/screens/panels';
import type { Intents } from '../../src/ui/screens/types';

const level = loadCatalog().levels.get('binding-treaty')!;

const leverUsed = (game: GameState) =>
  Object.values(game.sideMoves).some((m) => m && (m.kind === 'pressure' || m.kind === 'incentive'));

/**
 * The US plays the computer's proposal, rejects, and passes, until the side moves of a round in
 * which a computer has already used a lever (round 5 when the issue was filed; the round moves
 * with the negotiators' rules, the defect does not).
 */
function toRoundFiveSideMoves(): GameState {
  let game = newGame(level, { seed: 'BCDF2345', difficulty: 'normal', seats: seatsFor(['us']) });
  for (let step = 0; step < 200 && !game.outcome; step++) {
    const phase = phaseOf(game);
    if (phase === 'sideMoves' && leverUsed(game)) return game;
    const move: Move =
      phase === 'proposal'
        ? { type: 'PROPOSE', party: 'us', package: computerProposal(level, game, 'us').package }
        : phase === 'responses'
          ? { type: 'RESPOND', party: 'us', accept: false }
          : { type: 'SIDE_MOVE', party: 'us', move: { kind: 'pass' } };
    const next = applyMove(level, game, move);
    if (!next.ok) throw new Error(next.error.message);
    game = next.value;
  }
  throw new Error('no round with a lever used before the end');
}

const moves: Move[] = [];
const intents = { move: (m: Move) => moves.push(m) } as unknown as Intents;

describe('side-move panel (issue 9)', () => {
  test('binding-treaty, seed BCDF2345, US, round 5: a lever already used on a target is not offered', () => {
    const game = toRoundFiveSideMoves();
    const used = Object.values(game.sideMoves).filter(
      (m) => m && (m.kind === 'pressure' || m.kind === 'incentive'),
    );
    expect(used.length).toBeGreaterThan(0);
    const view = seatView(level, game, 'us');
    const panel = sideMovePanel(level, view, null, intents);
    document.body.replaceChildren(panel);
    let checked = 0;
    for (const lever of used) {
      if (!lever || !('target' in lever) || lever.target === 'us') continue;
      const radio = panel.querySelector<HTMLInputElement>(`input[value=${lever.kind}]`);
      if (!radio) continue; // no target left for this lever: the lever itself is not offered
      radio.checked = true;
      radio.dispatchEvent(new Event('change', { bubbles: true }));
      const offered = [...panel.querySelectorAll<HTMLOptionElement>('#side-target option')].map(
        (o) => o.value,
      );
      expect(offered).not.toContain(lever.target);
      expect(offered.length).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // Every choice the panel offers is one the core lists as legal.
    for (const option of panel.querySelectorAll<HTMLInputElement>('input[name=kind]'))
      expect(view.legalSideMoves.some((m) => m.kind === option.value)).toBe(true);
  });

  test('a refused move has a place for its reason next to the control', () => {
    const game = toRoundFiveSideMoves();
    const panel = sideMovePanel(level, seatView(level, game, 'us'), null, intents);
    expect(panel.querySelector('[data-move-error][role=alert]')).not.toBeNull();
  });
});
