// Every claim a shipped level presents as history (history items, event cards not marked fiction,
// the facts in a briefing) cites an entry of the level's `sources`, and every citation names one.
import { describe, expect, test } from 'vitest';
import { formatLevelError, validateLevel } from '../../src/core/level/parse';
import type { LevelSpec } from '../../src/core/level/schema';
import {
  briefingStatesFacts,
  describeSource,
  sourceId,
  sourceRefs,
  unsourcedClaims,
} from '../../src/core/level/sources';
import { outcomeWord } from '../../src/core/transcript';
import { levelFiles, loadLevelFile } from '../../src/node/levels';
import { miniSpec } from './helpers';

const shippedLevels = levelFiles().map((file) => {
  const result = loadLevelFile(file);
  if (!result.ok) throw new Error(result.error.map(formatLevelError).join('\n'));
  return result.value;
});
const shipped = shippedLevels.map((level) => [level.id, level.spec] as const);

describe('shipped levels cite their sources', () => {
  test.each(shipped)(
    '%s: every history item, real event card and briefing fact cites a source',
    (_file, spec) => {
      expect(unsourcedClaims(spec)).toEqual([]);
    },
  );

  test.each(shipped)('%s: every cited source is listed in its sources', (_file, spec) => {
    const listed = new Set(spec.sources.map(sourceId));
    expect(sourceRefs(spec).filter((ref) => !listed.has(ref.id))).toEqual([]);
  });

  test.each(shipped)('%s: every source has an id, so it can be cited', (_file, spec) => {
    expect(spec.sources.filter((s) => sourceId(s) === null)).toEqual([]);
  });

  test.each(shipped)(
    '%s: a card marked fiction says "Game fiction:" and cites nothing',
    (_file, spec) => {
      for (const event of spec.events.filter((e) => e.fiction === true)) {
        expect(event.text, event.id).toMatch(/^Game fiction:/);
        expect(event.sources, event.id).toBeUndefined();
      }
    },
  );

  test.each(shipped)(
    '%s: a card not marked fiction does not call itself fiction',
    (_file, spec) => {
      for (const event of spec.events.filter((e) => e.fiction !== true))
        expect(event.text, event.id).not.toMatch(/Game fiction/);
    },
  );
});

/** The mini fixture with its sources made citable, to break one link at a time. */
function sourcedMini(): LevelSpec {
  const spec = miniSpec();
  const sources = [{ id: 'memo', title: 'A memorandum', publisher: 'UN', date: '1994' }];
  return {
    ...spec,
    sources,
    history: spec.history.map((text) => ({
      text: typeof text === 'string' ? text : text.text,
      sources: ['memo'],
    })),
    events: spec.events.map((e) => (e.fiction === true ? e : { ...e, sources: ['memo'] })),
    parties: {
      us: { ...spec.parties.us, briefingSources: ['memo'] },
      europe: { ...spec.parties.europe, briefingSources: ['memo'] },
      russia: { ...spec.parties.russia, briefingSources: ['memo'] },
      ukraine: { ...spec.parties.ukraine, briefingSources: ['memo'] },
    },
  };
}

describe('the source rule', () => {
  test('a fully sourced level has no unsourced claims', () => {
    expect(unsourcedClaims(sourcedMini())).toEqual([]);
  });

  test('a history item without sources is reported with its path', () => {
    const spec = sourcedMini();
    spec.history = [...spec.history, 'An unsourced claim.'];
    expect(unsourcedClaims(spec).map((c) => c.path)).toEqual([
      `$.history[${spec.history.length - 1}]`,
    ]);
  });

  test('an event card not marked fiction without sources is reported; a fiction card is not', () => {
    const spec = sourcedMini();
    const template = spec.events[0] ?? {
      id: 'x',
      title: 'X',
      text: 'X',
      effects: [{ kind: 'clock' as const, delta: 1 }],
    };
    spec.events = [
      {
        ...template,
        id: 'real-card',
        text: 'Something that happened.',
        fiction: undefined,
        sources: undefined,
      },
      {
        ...template,
        id: 'invented-card',
        text: 'Game fiction: invented.',
        fiction: true,
        sources: undefined,
      },
    ];
    expect(unsourcedClaims(spec).map((c) => c.message)).toEqual([
      'event card "real-card" is not marked fiction and cites no source',
    ]);
  });

  test('a briefing that states facts before "Game fiction:" needs sources; an all-fiction one does not', () => {
    expect(briefingStatesFacts('You lead Russia.\n\nGame fiction: you want everything.')).toBe(
      true,
    );
    expect(briefingStatesFacts('Game fiction: you want everything.')).toBe(false);
    const spec = sourcedMini();
    spec.parties = {
      ...spec.parties,
      russia: { ...spec.parties.russia, briefingSources: undefined },
    };
    expect(unsourcedClaims(spec).map((c) => c.path)).toEqual(['$.parties.russia.briefing']);
  });

  test('the level checker refuses a citation of a source the level does not list', () => {
    const spec = sourcedMini();
    spec.parties = { ...spec.parties, us: { ...spec.parties.us, briefingSources: ['nowhere'] } };
    const result = validateLevel(spec, 'mini.json');
    expect(result.ok ? [] : result.error.map(formatLevelError)).toEqual([
      'mini.json: $.parties.us.briefingSources[0]: unknown source "nowhere" (not an id in $.sources)',
    ]);
  });

  test('plain-text history and sources still load, so older and pasted levels play', () => {
    const result = validateLevel(miniSpec(), 'mini.json');
    expect(result.ok).toBe(true);
  });

  test('a source reads as title, publisher and date', () => {
    expect(describeSource({ id: 'm', title: 'A memorandum', publisher: 'UN', date: '1994' })).toBe(
      'A memorandum. UN, 1994.',
    );
    expect(describeSource('A plain source.')).toBe('A plain source.');
  });
});

describe('outcome names', () => {
  test('Budapest names its worst ending for its period, other levels keep the default', () => {
    const byId = new Map(shippedLevels.map((level) => [level.id, level]));
    const budapest = byId.get('budapest-1994')!;
    const coalition = byId.get('coalition-2025')!;
    expect(outcomeWord(budapest, 'renewedWar')).toBe('Assurances broken');
    expect(outcomeWord(coalition, 'renewedWar')).toBe('Renewed war');
    expect(outcomeWord(budapest, 'lasting')).toBe('Lasting peace');
  });
});
