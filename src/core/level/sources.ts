// Where a level's facts come from: the links from history items, event cards and briefings to
// the entries of its `sources`, and the content rule that every claim of fact cites one.
import { PARTIES } from '../parties';
import type { HistoryItemSpec, LevelSpec, SourceSpec } from './schema';

export const historyText = (item: HistoryItemSpec): string =>
  typeof item === 'string' ? item : item.text;

export const historySources = (item: HistoryItemSpec): readonly string[] =>
  typeof item === 'string' ? [] : item.sources;

/** A plain-text source (older or pasted levels) has no id and cannot be cited. */
export const sourceId = (source: SourceSpec): string | null =>
  typeof source === 'string' ? null : source.id;

/** One line for a reader: "Title. Publisher, date." */
export function describeSource(source: SourceSpec): string {
  if (typeof source === 'string') return source;
  const where = [source.publisher, source.date].filter((x) => x !== undefined).join(', ');
  const line = where ? `${source.title}. ${where}.` : source.title;
  return source.note ? `${line} ${source.note}` : line;
}

export interface SourceRef {
  /** JSON path of the citing field, e.g. `$.events[2].sources[0]`. */
  readonly path: string;
  readonly id: string;
}

/** Every citation in the level, with the path of the field that makes it. */
export function sourceRefs(spec: LevelSpec): SourceRef[] {
  const refs: SourceRef[] = [];
  spec.history.forEach((item, i) =>
    historySources(item).forEach((id, k) =>
      refs.push({ path: `$.history[${i}].sources[${k}]`, id }),
    ),
  );
  spec.events.forEach((event, e) =>
    (event.sources ?? []).forEach((id, k) =>
      refs.push({ path: `$.events[${e}].sources[${k}]`, id }),
    ),
  );
  for (const party of PARTIES)
    (spec.parties[party].briefingSources ?? []).forEach((id, k) =>
      refs.push({ path: `$.parties.${party}.briefingSources[${k}]`, id }),
    );
  return refs;
}

// Briefings keep invention after this marker (levels/README.md, "Content rules").
const FICTION_MARKER = 'Game fiction:';

/** True when a briefing says anything before its "Game fiction:" part, i.e. states facts. */
export const briefingStatesFacts = (briefing: string): boolean => {
  const at = briefing.indexOf(FICTION_MARKER);
  return (at < 0 ? briefing : briefing.slice(0, at)).trim().length > 0;
};

export interface UnsourcedClaim {
  readonly path: string;
  readonly message: string;
}

/**
 * The claims a level presents as fact that cite no source: history items, event cards not marked
 * fiction, and briefings that say anything outside their "Game fiction:" part. A shipped level
 * must have none (test/core/sources.test.ts); a pasted level may, and still plays.
 */
export function unsourcedClaims(spec: LevelSpec): UnsourcedClaim[] {
  const claims: UnsourcedClaim[] = [];
  spec.history.forEach((item, i) => {
    if (historySources(item).length === 0)
      claims.push({
        path: `$.history[${i}]`,
        message: `history item cites no source: "${historyText(item).slice(0, 60)}"`,
      });
  });
  spec.events.forEach((event, e) => {
    if (event.fiction !== true && (event.sources ?? []).length === 0)
      claims.push({
        path: `$.events[${e}]`,
        message: `event card "${event.id}" is not marked fiction and cites no source`,
      });
  });
  for (const party of PARTIES) {
    const p = spec.parties[party];
    if (briefingStatesFacts(p.briefing) && (p.briefingSources ?? []).length === 0)
      claims.push({
        path: `$.parties.${party}.briefing`,
        message: `the ${party} briefing states facts before "${FICTION_MARKER}" and cites no source`,
      });
  }
  return claims;
}
