// The one place a game snapshot becomes what the scenes draw, seen from one seat.
import type { Level } from '../core/level/level';
import { PARTIES, type Party } from '../core/parties';
import { assessPackage, type SeatView } from '../core/seatView';
import type { GameState } from '../core/state';
import type { MapView, TableView } from './model';

export function tableView(level: Level, game: GameState, view: SeatView): TableView {
  const onTable = game.table?.package ?? game.outcome?.deal ?? null;
  const assessment = onTable ? assessPackage(level, game, view.seat, onTable) : null;
  const lastRound = game.history.at(-1);
  const speechOf = (party: Party): string | null => {
    const response =
      game.responses[party] ?? (game.table ? undefined : lastRound?.responses[party]);
    return response?.says ?? null;
  };
  return {
    round: game.round,
    deadline: level.spec.deadline,
    phase: view.phase,
    pressureLabel: level.spec.pressure.label,
    pressure: game.pressure,
    fortification: game.fortification,
    delegations: PARTIES.map((party) => {
      const response =
        game.responses[party] ?? (game.table ? undefined : lastRound?.responses[party]);
      return {
        party,
        name: level.parties[party].spec.name,
        mood: party === view.seat ? view.mood : (assessment?.moods[party] ?? 'neutral'),
        speech: speechOf(party),
        isProposer: party === (game.table?.proposer ?? game.proposer),
        isYou: party === view.seat,
        response: response ? (response.accept ? 'accept' : 'reject') : null,
        responseEarlier: response !== undefined && game.responses[party] === undefined,
      };
    }),
    tablePackage: onTable
      ? level.issues.map((issue, i) => ({
          issue: issue.name,
          option: issue.options[onTable[i]!]!.name,
        }))
      : null,
  };
}

export function mapView(level: Level, game: GameState): MapView {
  const pkg = game.table?.package ?? game.outcome?.deal ?? null;
  let groundTroops = 0;
  let airCover = false;
  let monitors = false;
  if (pkg)
    level.issues.forEach((issue, i) => {
      const footprint = issue.options[pkg[i]!]!.footprint;
      groundTroops += footprint?.groundTroops ?? 0;
      airCover ||= footprint?.airCover ?? false;
      monitors ||= footprint?.monitors ?? false;
    });
  return { lineOfContact: level.spec.map.lineOfContact, groundTroops, airCover, monitors };
}
