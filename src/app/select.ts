// The one selector: from the app's snapshot (and the game it holds) to the props of the screen
// that shows. Screens compute no rule; what they show comes from the core through here.
import type { SnapshotFrom } from 'xstate';
import { resultCodeFor, shareCard } from '../core/codes';
import type { Party } from '../core/parties';
import { assessPackage, seatView } from '../core/seatView';
import { credibility } from '../core/stress';
import type { ResumeOffer, ScreenName, ScreenProps } from '../ui/screens/types';
import { gameOf, type AppMachine } from './appMachine';
import { seatToShow } from './seats';
import { linkFor } from './urlSync';

export type AppSnapshot = SnapshotFrom<AppMachine>;

/** What the shell holds outside the machine: the menu's save offer, the canvas view, the page. */
export interface ShellState {
  readonly resume: ResumeOffer | null;
  readonly view3d: 'table' | 'map';
  /** The page address without a query, for links. */
  readonly base: string;
}

export const screenOf = (snapshot: AppSnapshot): ScreenName => snapshot.value;

/** The seat whose screen shows: the seat handed to in hot-seat play, else the player's. */
export function seatOnScreen(snapshot: AppSnapshot): Party {
  const { context } = snapshot;
  const game = gameOf(context);
  // During a hand-over, the seat the device goes to next.
  if (screenOf(snapshot) === 'handover' && game)
    return seatToShow(game, context.params.humans, context.onScreen) ?? context.params.role;
  return context.onScreen ?? context.params.role;
}

/**
 * A key that changes exactly when the screen must be drawn again. Play screens redraw when the
 * seat, the round, the phase, who is due or the answers change, and keep the draft otherwise.
 */
export function screenKey(snapshot: AppSnapshot, shell: ShellState): string {
  const screen = screenOf(snapshot);
  const seat = seatOnScreen(snapshot);
  const game = gameOf(snapshot.context);
  const replay = snapshot.context.replay;
  if (screen === 'play' && game)
    return [
      'play',
      seat,
      game.round,
      game.table ? 'table' : 'open',
      game.moves.length,
      Object.keys(game.responses).length,
      Object.keys(game.sideMoves).length,
      shell.view3d,
    ].join('|');
  if (screen === 'replay') return `replay|${replay?.shown ?? 0}|${replay?.result.payload.seed}`;
  if (screen === 'menu') return `menu|${shell.resume?.kind ?? 'none'}`;
  return `${screen}|${seat}|${game?.seed ?? ''}`;
}

export function selectScreen(snapshot: AppSnapshot, shell: ShellState): ScreenProps {
  const { context } = snapshot;
  const screen = screenOf(snapshot);
  const game = gameOf(context);
  const level = context.level;
  const seat = seatOnScreen(snapshot);
  if (screen === 'replay' && context.replay && level)
    return { screen, level, replay: context.replay };
  if (screen === 'menu' || !game || !level)
    return {
      screen: 'menu',
      levels: [...context.levels.values()],
      params: context.params,
      resume: shell.resume,
    };
  switch (screen) {
    case 'briefing':
      return {
        screen,
        level,
        view: context.params.mode === 'hotseat' ? null : seatView(level, game, seat),
        seed: game.seed,
        difficulty: game.difficulty,
        humanNames: context.params.humans.map((p) => level.parties[p].spec.name),
      };
    case 'handover':
      return { screen, name: level.parties[seat].spec.name };
    case 'debrief': {
      const deal = game.outcome?.deal ?? null;
      const link = linkFor(shell.base, { ...context.params, seed: game.seed }, null);
      // The analysis of what was possible comes with the debrief's own chunk (src/app/debrief.ts).
      return {
        screen,
        level,
        game,
        view: seatView(level, game, seat),
        credibility: deal ? credibility(level, deal) : null,
        link,
        resultCode: (name) => resultCodeFor(level, game, name),
        shareCard: shareCard(level, game, link),
      };
    }
    default:
      return {
        screen: 'play',
        level,
        view: seatView(level, game, seat),
        assess: (pkg) => assessPackage(level, game, seat, pkg),
        view3d: shell.view3d,
      };
  }
}
