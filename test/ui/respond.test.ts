// @vitest-environment happy-dom
// Issue 10 in the UI: a person rejects with a counter-proposal or a red line of their choosing,
// and the move they make is one the core takes.
import { describe, expect, test } from 'vitest';
import { applyMove, newGame, phaseOf } from '../../src/core/moves';
import { seatsFor } from '../../src/core/rules';
import { assessPackage, seatView } from '../../src/core/seatView';
import type { GameState, Move } from '../../src/core/state';
import { loadCatalog } from '../../src/levels';
import { respondPanel } from '../../src/ui/screens/panels';
import type { Intents } from '../../src/ui/screens/types';

const level = loadCatalog().levels.get('coalition-2025')!;

/** The first time Ukraine is asked to answer a package. */
function answering(): GameState {
  const game = newGame(level, {
    seed: 'RSPN2345',
    difficulty: 'normal',
    seats: seatsFor(['ukraine']),
  });
  if (phaseOf(game) === 'responses') return game;
  throw new Error(`Ukraine is not answering first but in ${phaseOf(game)}`);
}

function panelFor(game: GameState) {
  const moves: Move[] = [];
  const intents = { move: (m: Move) => moves.push(m) } as unknown as Intents;
  const view = seatView(level, game, 'ukraine');
  const panel = respondPanel(
    level,
    view,
    assessPackage(level, game, 'ukraine', game.table!.package),
    null,
    intents,
  );
  document.body.replaceChildren(panel);
  return { panel, moves };
}

describe('the answer panel', () => {
  test('a plain rejection cites nothing and reveals nothing', () => {
    const { panel, moves } = panelFor(answering());
    [...panel.querySelectorAll('button')].find((b) => b.textContent === 'Reject')!.click();
    expect(moves).toEqual([{ type: 'RESPOND', party: 'ukraine', accept: false }]);
  });

  test('changing one issue rejects with that counter-proposal, which the core takes', () => {
    const game = answering();
    const { panel, moves } = panelFor(game);
    const select = panel.querySelector<HTMLSelectElement>('select[data-issue="0"]')!;
    const other = (game.table!.package[0]! + 1) % level.issues[0]!.options.length;
    select.value = String(other);
    panel.querySelector<HTMLButtonElement>('#counter-reject')!.click();
    expect(moves).toEqual([
      { type: 'RESPOND', party: 'ukraine', accept: false, amend: [{ issue: 0, option: other }] },
    ]);
    const next = applyMove(level, game, moves[0]!);
    if (!next.ok) throw new Error(next.error.message);
    expect(
      next.value.history.at(-1)?.responses.ukraine?.amend ?? next.value.responses.ukraine?.amend,
    ).toEqual([{ issue: 0, option: other }]);
  });
});
