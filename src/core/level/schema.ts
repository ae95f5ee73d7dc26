import { z } from 'zod';
import { MAX_DEADLINE, MAX_ISSUES, MAX_OPTIONS_PER_ISSUE, MAX_RED_LINES } from '../limits';
import { PARTIES } from '../parties';

// Ids are kebab-case so they read well in URLs, result codes and error messages.
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (lower-case letters, digits, hyphens)');
const text = z.string().min(1, 'must not be empty');
const party = z.enum(PARTIES);
const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
/** A finite number in [min, max], refused with a message that gives the range. */
const range = (min: number, max: number) =>
  z
    .number()
    .min(min, `must be between ${min} and ${max}`)
    .max(max, `must be between ${min} and ${max}`);
const year = range(1000, 3000).int();
/** Ids of entries in the level's `sources`: what a claim of fact rests on. */
const sourceRefs = z.array(id).min(1, 'cite at least one source');

/** A document a level's facts come from: a title, publisher and date are enough. */
const Source = z.strictObject({
  id: id.describe('Cited by history items, event cards and briefings'),
  title: text,
  publisher: text.optional(),
  date: text.optional().describe('As printed, e.g. "5 December 1994"'),
  url: z.url().optional().describe('Only a link that has been checked'),
  note: text.optional().describe('What in the level it supports, or how it was used'),
});

/** A history bullet: plain text (older or pasted levels), or text with the sources it rests on. */
const HistoryItem = z.union([text, z.strictObject({ text, sources: sourceRefs })]);

/** What an option puts on the map when it is in the package on the table. */
const Footprint = z.strictObject({
  groundTroops: range(0, 10_000_000)
    .int()
    .optional()
    .describe('Foreign troops stationed in Ukraine'),
  airCover: z.boolean().optional().describe('Allied air policing over Ukraine'),
  monitors: z.boolean().optional().describe('Unarmed observers along the line of contact'),
});

const Option = z.strictObject({
  id,
  name: text,
  description: text.optional(),
  strength: unit
    .optional()
    .describe('Deterrent strength 0..1 used by the stress test; defaults to the option rank'),
  footprint: Footprint.optional(),
});

const Issue = z.strictObject({
  id,
  name: text,
  description: text.optional(),
  options: z
    .array(Option)
    .min(2, 'an issue needs at least two options, weakest first')
    .max(
      MAX_OPTIONS_PER_ISSUE,
      `an issue has at most ${MAX_OPTIONS_PER_ISSUE} options (the limit of option masks and result codes)`,
    ),
});

const OptionSet = z.strictObject({
  issue: id,
  options: z.array(id).min(1, 'list at least one option'),
});

const redLineCommon = {
  id,
  strength: z.enum(['hard', 'firm']).describe('hard: a veto; firm: a stated penalty'),
  penalty: z
    .number()
    .gt(0, 'penalty must be above 0')
    .max(1, 'penalty must be at most 1')
    .optional()
    .describe('Utility lost when a firm red line is crossed (required for firm)'),
  softening: unit
    .optional()
    .describe('Share of the firm penalty lost each time the party is pressured'),
  says: text.describe('What the delegation says when it invokes this red line'),
  public: z.boolean().optional().describe('Known to every party from the start (default true)'),
};

const RedLine = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('forbid'),
    issue: id,
    options: z.array(id).min(1),
    ...redLineCommon,
  }),
  z.strictObject({ kind: z.literal('requires'), if: OptionSet, then: OptionSet, ...redLineCommon }),
  z.strictObject({
    kind: z.literal('atLeastOneOf'),
    any: z.array(OptionSet).min(1, 'list at least one condition'),
    ...redLineCommon,
  }),
]);

const OutcomeValues = z.strictObject({
  lasting: unit,
  uneasy: unit,
  renewedWar: unit,
  noDeal: unit,
});

const PartySpec = z.strictObject({
  name: text,
  style: z
    .enum(['boulware', 'linear', 'conceder'])
    .describe('How the computer concedes over the rounds'),
  reservation: unit.describe('Utility of no deal (BATNA) at the start'),
  reservationDrift: z
    .number()
    .min(-0.2)
    .max(0.2)
    .optional()
    .describe('Change of the reservation value each round the talks go on'),
  weights: z.record(
    id,
    z.number().positive('weight must be positive').max(1000, 'weight must be at most 1000'),
  ),
  values: z.record(
    id,
    z.record(
      id,
      z
        .number()
        .min(0, 'option value must be between 0 and 100')
        .max(100, 'option value must be between 0 and 100'),
    ),
  ),
  redLines: z
    .array(RedLine)
    .max(MAX_RED_LINES, `a party has at most ${MAX_RED_LINES} red lines (hard and firm together)`),
  priorities: z.array(id).describe('Issues this party says in public matter most to it'),
  outcomeValues: OutcomeValues.describe('How much each ending of the stress test is worth to it'),
  briefing: text,
  objectives: z.array(text).min(1),
  publicPosition: text,
  briefingSources: sourceRefs
    .optional()
    .describe('Ids of the level sources behind the facts stated in the briefing'),
});

const Effect = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('reservation'), party, delta: z.number().min(-0.5).max(0.5) }),
  z.strictObject({ kind: z.literal('weight'), party, issue: id, factor: z.number().gt(0).max(5) }),
  z.strictObject({ kind: z.literal('resolve'), party, delta: z.number().min(-2).max(2) }),
  z.strictObject({ kind: z.literal('soften'), party, redLine: id, factor: unit }),
  z.strictObject({ kind: z.literal('clock'), delta: range(-1_000_000, 1_000_000) }),
]);

const GameEvent = z.strictObject({
  id,
  title: text,
  text,
  fiction: z.boolean().optional().describe('True when the card is invented for the game'),
  sources: sourceRefs
    .optional()
    .describe('Ids of the level sources behind a card that is not fiction'),
  effects: z.array(Effect).min(1, 'an event must change something'),
});

const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const LevelSchema = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: text,
  year,
  summary: text,
  menuOrder: range(-1000, 1000).int().optional(),
  deadline: z
    .number()
    .int()
    .min(1, 'deadline must be at least 1 round')
    .max(MAX_DEADLINE, `deadline must be at most ${MAX_DEADLINE} rounds`),
  turnOrder: z
    .array(party)
    .length(4)
    .optional()
    .describe('Who proposes first; default: the parties in order'),
  issues: z.array(Issue).min(1).max(MAX_ISSUES, `a level has at most ${MAX_ISSUES} issues`),
  parties: z.strictObject({
    us: PartySpec,
    europe: PartySpec,
    russia: PartySpec,
    ukraine: PartySpec,
  }),
  events: z.array(GameEvent),
  dealBands: z
    .array(
      z
        .strictObject({
          name: text.describe(
            'What the band keeps alive, e.g. "troops (a tripwire brigade or larger)"',
          ),
          issue: id,
          options: z.array(id).min(1),
          atLeast: z.number().min(0).max(1).optional(),
          atMost: z.number().min(0).max(1).optional(),
        })
        .refine((b) => b.atLeast !== undefined || b.atMost !== undefined, {
          message: 'a deal band needs atLeast or atMost',
        }),
    )
    .max(20)
    .optional()
    .describe(
      'Shares of signed deals (computer-only and principled play) that choose one of the options: the balance harness checks them',
    ),
  breakdownRisk: z
    .number()
    .min(0)
    .max(0.3)
    .optional()
    .describe(
      'Chance that a round ending without a deal ends the talks (the front moves, a capital walks out); default 0',
    ),
  pressure: z.strictObject({
    label: text.describe('What the pressure clock counts, e.g. "casualties"'),
    perRound: range(0, 1_000_000),
    fortificationPerRound: z
      .number()
      .min(0)
      .max(100)
      .describe('Fortification points added each round'),
  }),
  stressTest: z.strictObject({
    startYear: year,
    years: z.number().int().min(1).max(30),
    credibility: z.record(id, range(0, 100)).describe('Issue weights of the deal credibility'),
    resolve: z.number().min(0).max(100).describe("Russia's resolve to probe the line at signing"),
    resolvePerRound: z.number().min(0).max(20).describe('Resolve added per round of delay'),
    volatility: z.number().min(0).max(50).describe('Yearly random swing of resolve'),
  }),
  map: z.strictObject({
    lineOfContact: z.array(LonLat).min(2),
    label: text.optional(),
  }),
  history: z.array(HistoryItem).min(1),
  questions: z.array(text).min(1),
  glossary: z.array(z.strictObject({ term: text, definition: text })),
  sources: z.array(z.union([text, Source])).min(1),
  outcomeNames: z
    .strictObject({
      lasting: text.optional(),
      uneasy: text.optional(),
      renewedWar: text.optional(),
      noDeal: text.optional(),
    })
    .optional()
    .describe("The endings' names where the default words do not fit the level's period"),
  hints: z
    .array(
      z.strictObject({ phase: z.enum(['briefing', 'proposal', 'responses', 'sideMoves']), text }),
    )
    .optional(),
});

export type LevelSpec = z.infer<typeof LevelSchema>;
export type IssueSpec = LevelSpec['issues'][number];
export type OptionSpec = IssueSpec['options'][number];
export type PartySpecT = LevelSpec['parties']['us'];
export type RedLineSpec = PartySpecT['redLines'][number];
export type OptionSetSpec = z.infer<typeof OptionSet>;
export type EventSpec = LevelSpec['events'][number];
export type EffectSpec = EventSpec['effects'][number];
export type SourceSpec = LevelSpec['sources'][number];
export type HistoryItemSpec = LevelSpec['history'][number];

export const levelJsonSchema = (): unknown =>
  z.toJSONSchema(LevelSchema, { target: 'draft-2020-12', io: 'input' });
