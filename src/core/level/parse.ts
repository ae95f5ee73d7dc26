import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { core as zcore } from 'zod';
import {
  MAX_FIRM_RED_LINES,
  MAX_ISSUES,
  MAX_JSON_DEPTH,
  MAX_LEVEL_ERRORS,
  MAX_LEVEL_FILE_CHARS,
  MAX_LISTED_FIELDS,
  MAX_OPTIONS_PER_ISSUE,
  MAX_PACKAGES,
  MAX_RED_LINES,
  jsonDepth,
} from '../limits';
import { PARTIES } from '../parties';
import { err, ok, type Result } from '../result';
import { LevelSchema, type LevelSpec, type OptionSetSpec } from './schema';
import { buildLevel, type Level } from './level';
import { sourceId, sourceRefs } from './sources';
import { isRecord } from '../isRecord';

export type LevelErrorCode =
  | 'level/invalid-json'
  | 'level/schema'
  | 'level/unknown-issue'
  | 'level/unknown-option'
  | 'level/unknown-red-line'
  | 'level/unknown-source'
  | 'level/duplicate-id'
  | 'level/missing-entry'
  | 'level/firm-without-penalty'
  | 'level/no-feasible-package'
  | 'level/too-many-packages'
  | 'level/too-many-options'
  | 'level/too-many-issues'
  | 'level/too-many-red-lines'
  | 'level/too-many-firm-red-lines'
  | 'level/too-deep'
  | 'level/too-large'
  | 'level/id-mismatch'
  | 'level/crash';

export interface LevelError {
  readonly code: LevelErrorCode;
  readonly file: string;
  /** JSONPath inside the file, e.g. `$.parties.russia.redLines[0].options[1]`. */
  readonly path: string;
  readonly message: string;
}

export const formatLevelError = (e: LevelError): string => `${e.file}: ${e.path}: ${e.message}`;

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else {
      // A key from the file can be any length: quote at most 40 characters of it.
      const key = String(s);
      out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
    }
  }
  return out;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const JSON_ERROR_WORDS: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfString: 'unterminated string',
};

/** Parses and validates a level file. Every problem found is returned, each naming file and path. */
export function parseLevel(text: string, file: string): Result<Level, LevelError[]> {
  if (text.length > MAX_LEVEL_FILE_CHARS)
    return err([
      {
        code: 'level/too-large',
        file,
        path: '$',
        message: `the file has ${text.length} characters; a level file has at most ${MAX_LEVEL_FILE_CHARS}`,
      },
    ]);
  // Depth first, without recursion, so deeply nested text never reaches the recursive parser.
  const deep = jsonDepth(text, MAX_JSON_DEPTH);
  if (deep.at >= 0) {
    const { line, column } = lineAndColumn(text, deep.at);
    return err([
      {
        code: 'level/too-deep',
        file,
        path: '$',
        message: `arrays and objects nest more than ${MAX_JSON_DEPTH} deep (at line ${line}, column ${column})`,
      },
    ]);
  }
  const jsonErrors: ParseError[] = [];
  const data: unknown = parseJson(text, jsonErrors, {
    disallowComments: true,
    allowTrailingComma: false,
  });
  if (jsonErrors.length > 0) {
    return err(
      jsonErrors.slice(0, 5).map((e) => {
        const { line, column } = lineAndColumn(text, e.offset);
        const what = printParseErrorCode(e.error);
        return {
          code: 'level/invalid-json',
          file,
          path: '$',
          message: `invalid JSON at line ${line}, column ${column}: ${JSON_ERROR_WORDS[what] ?? what}`,
        };
      }),
    );
  }
  return validateLevel(data, file);
}

/** The file name without its folder and `.json`: what a level's `id` must be. */
export const levelIdOfFile = (file: string): string =>
  file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');

/**
 * A level file as both `levels:check` and the browser's level list read it: the level must load,
 * and its `id` must equal the file name (links and result codes name levels by id). Never throws:
 * a crash while reading one file becomes an error naming that file, so the files after it are
 * still read.
 */
export function parseLevelFile(text: string, file: string): Result<Level, LevelError[]> {
  try {
    const result = parseLevel(text, file);
    if (!result.ok) return result;
    const expected = levelIdOfFile(file);
    if (result.value.id !== expected)
      return err([
        {
          code: 'level/id-mismatch',
          file,
          path: '$.id',
          message: `the id ${JSON.stringify(result.value.id.slice(0, 64))} must equal the file name ${JSON.stringify(expected)}`,
        },
      ]);
    return result;
  } catch (e) {
    return err([
      {
        code: 'level/crash',
        file,
        path: '$',
        message: `the checker failed on this file (${e instanceof Error ? e.name : 'error'}: ${String(e instanceof Error ? e.message : e).slice(0, 200)})`,
      },
    ]);
  }
}

function describeZodIssue(issue: zcore.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    return received === undefined
      ? `missing required field (expected ${issue.expected})`
      : `expected ${issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    const listed = issue.keys.slice(0, MAX_LISTED_FIELDS).map((k) => quoteField(k));
    const more = issue.keys.length - listed.length;
    return `unknown field${issue.keys.length === 1 ? '' : 's'} ${listed.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  }
  return issue.message;
}

const quoteField = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** Exact analysis enumerates every package, so a level must keep the product of option counts small. */
export { MAX_PACKAGES } from '../limits';

/**
 * The engine's limits on counts, checked on the raw data before the schema walks it, so a file
 * with a million options is refused without looking at each one.
 */
function checkCounts(data: unknown, file: string): LevelError[] {
  const errors: LevelError[] = [];
  if (!isRecord(data)) return errors;
  const add = (code: LevelErrorCode, path: PropertyKey[], message: string) =>
    errors.push({ code, file, path: jsonPath(path), message });
  const issues = data.issues;
  if (Array.isArray(issues)) {
    if (issues.length > MAX_ISSUES)
      add(
        'level/too-many-issues',
        ['issues'],
        `${issues.length} issues; a level has at most ${MAX_ISSUES}`,
      );
    else
      issues.forEach((issue, i) => {
        if (isRecord(issue) && Array.isArray(issue.options))
          if (issue.options.length > MAX_OPTIONS_PER_ISSUE)
            add(
              'level/too-many-options',
              ['issues', i, 'options'],
              `${issue.options.length} options; an issue has at most ${MAX_OPTIONS_PER_ISSUE} (the limit of option masks and result codes)`,
            );
      });
  }
  const parties = data.parties;
  if (isRecord(parties))
    for (const party of PARTIES) {
      const p = parties[party];
      const lines = isRecord(p) ? p.redLines : undefined;
      if (!Array.isArray(lines)) continue;
      if (lines.length > MAX_RED_LINES)
        add(
          'level/too-many-red-lines',
          ['parties', party, 'redLines'],
          `${lines.length} red lines; a party has at most ${MAX_RED_LINES} (hard and firm together)`,
        );
      else {
        const firm = lines.filter((l) => isRecord(l) && l.strength === 'firm').length;
        if (firm > MAX_FIRM_RED_LINES)
          add(
            'level/too-many-firm-red-lines',
            ['parties', party, 'redLines'],
            `${firm} firm red lines; a party has at most ${MAX_FIRM_RED_LINES}, so the computer negotiators stay fast`,
          );
      }
    }
  return errors;
}

/** At most MAX_LEVEL_ERRORS errors, the last one saying how many more there were. */
function capErrors(errors: LevelError[]): LevelError[] {
  if (errors.length <= MAX_LEVEL_ERRORS) return errors;
  const last = errors[MAX_LEVEL_ERRORS - 1]!;
  return [
    ...errors.slice(0, MAX_LEVEL_ERRORS - 1),
    {
      ...last,
      message: `${last.message} (and ${errors.length - MAX_LEVEL_ERRORS} more errors not shown)`,
    },
  ];
}

export function validateLevel(data: unknown, file: string): Result<Level, LevelError[]> {
  const tooMany = checkCounts(data, file);
  if (tooMany.length > 0) return err(capErrors(tooMany));
  const parsed = LevelSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return err(
      capErrors(
        parsed.error.issues.map((issue) => ({
          code: 'level/schema' as const,
          file,
          path: jsonPath(issue.path),
          message: describeZodIssue(issue),
        })),
      ),
    );
  }
  const errors = crossCheck(parsed.data, file);
  if (errors.length > 0) return err(capErrors(errors));
  const count = parsed.data.issues.reduce((n, issue) => n * issue.options.length, 1);
  if (count > MAX_PACKAGES)
    return err([
      {
        code: 'level/too-many-packages',
        file,
        path: '$.issues',
        message: `the issues make ${count} packages; at most ${MAX_PACKAGES} can be analysed exactly`,
      },
    ]);
  const level = buildLevel(parsed.data);
  if (level.feasibleCount === 0) {
    return err([
      {
        code: 'level/no-feasible-package',
        file,
        path: '$.parties',
        message: 'every package crosses some hard red line, so no deal is possible',
      },
    ]);
  }
  return ok(level);
}

/** References between parts of a level that a schema cannot express. */
function crossCheck(spec: LevelSpec, file: string): LevelError[] {
  const errors: LevelError[] = [];
  const add = (code: LevelErrorCode, path: PropertyKey[], message: string) =>
    errors.push({ code, file, path: jsonPath(path), message });
  const options = new Map<string, Set<string>>();

  const seenIssues = new Set<string>();
  spec.issues.forEach((issue, i) => {
    if (seenIssues.has(issue.id))
      add('level/duplicate-id', ['issues', i, 'id'], `duplicate issue id "${issue.id}"`);
    seenIssues.add(issue.id);
    const ids = new Set<string>();
    issue.options.forEach((option, o) => {
      if (ids.has(option.id))
        add(
          'level/duplicate-id',
          ['issues', i, 'options', o, 'id'],
          `duplicate option id "${option.id}" in issue "${issue.id}"`,
        );
      ids.add(option.id);
    });
    options.set(issue.id, ids);
  });

  const checkIssue = (issueId: string, path: PropertyKey[]): boolean => {
    if (options.has(issueId)) return true;
    add('level/unknown-issue', path, `unknown issue "${issueId}"`);
    return false;
  };
  const checkOption = (issueId: string, optionId: string, path: PropertyKey[]) => {
    if (!options.get(issueId)?.has(optionId))
      add('level/unknown-option', path, `unknown option "${optionId}" for issue "${issueId}"`);
  };
  const checkSet = (set: OptionSetSpec, path: PropertyKey[]) => {
    if (!checkIssue(set.issue, [...path, 'issue'])) return;
    set.options.forEach((o, k) => checkOption(set.issue, o, [...path, 'options', k]));
  };

  spec.dealBands?.forEach((band, k) => checkSet(band, ['dealBands', k]));

  const redLineIds = new Map<string, Set<string>>();
  const firmRedLineIds = new Map<string, Set<string>>();
  for (const party of PARTIES) {
    const p = spec.parties[party];
    const base = ['parties', party];
    for (const issue of spec.issues) {
      if (!(issue.id in p.weights))
        add('level/missing-entry', [...base, 'weights'], `no weight for issue "${issue.id}"`);
      const values = p.values[issue.id];
      if (!values) {
        add('level/missing-entry', [...base, 'values'], `no values for issue "${issue.id}"`);
        continue;
      }
      for (const option of issue.options)
        if (!(option.id in values))
          add(
            'level/missing-entry',
            [...base, 'values', issue.id],
            `no value for option "${option.id}"`,
          );
    }
    for (const issueId of Object.keys(p.weights))
      checkIssue(issueId, [...base, 'weights', issueId]);
    for (const [issueId, values] of Object.entries(p.values)) {
      if (!checkIssue(issueId, [...base, 'values', issueId])) continue;
      for (const optionId of Object.keys(values))
        checkOption(issueId, optionId, [...base, 'values', issueId, optionId]);
    }
    p.priorities.forEach((issueId, k) => checkIssue(issueId, [...base, 'priorities', k]));

    const ids = new Set<string>();
    const firm = new Set<string>();
    p.redLines.forEach((line, r) => {
      const path = [...base, 'redLines', r];
      if (ids.has(line.id))
        add('level/duplicate-id', [...path, 'id'], `duplicate red line id "${line.id}"`);
      ids.add(line.id);
      if (line.strength === 'firm') {
        firm.add(line.id);
        if (line.penalty === undefined)
          add('level/firm-without-penalty', path, 'a firm red line needs a penalty');
      }
      if (line.kind === 'forbid') checkSet(line, path);
      else if (line.kind === 'requires') {
        checkSet(line.if, [...path, 'if']);
        checkSet(line.then, [...path, 'then']);
      } else line.any.forEach((set, k) => checkSet(set, [...path, 'any', k]));
    });
    redLineIds.set(party, ids);
    firmRedLineIds.set(party, firm);
  }

  const order = spec.turnOrder;
  if (order && new Set(order).size !== PARTIES.length)
    add(
      'level/duplicate-id',
      ['turnOrder'],
      `the turn order must name each party once (missing ${PARTIES.filter((p) => !order.includes(p)).join(', ')})`,
    );

  const eventIds = new Set<string>();
  spec.events.forEach((event, e) => {
    if (eventIds.has(event.id))
      add('level/duplicate-id', ['events', e, 'id'], `duplicate event id "${event.id}"`);
    eventIds.add(event.id);
  });

  spec.events.forEach((event, e) =>
    event.effects.forEach((effect, k) => {
      const path = ['events', e, 'effects', k];
      if (effect.kind === 'weight') checkIssue(effect.issue, [...path, 'issue']);
      if (effect.kind === 'soften' && !firmRedLineIds.get(effect.party)?.has(effect.redLine))
        add(
          'level/unknown-red-line',
          [...path, 'redLine'],
          redLineIds.get(effect.party)?.has(effect.redLine)
            ? `red line "${effect.redLine}" of ${effect.party} is hard and cannot soften`
            : `unknown red line "${effect.redLine}" for ${effect.party}`,
        );
    }),
  );
  for (const issueId of Object.keys(spec.stressTest.credibility))
    checkIssue(issueId, ['stressTest', 'credibility', issueId]);

  // A citation must name a source the level lists, so every claim can be traced.
  const sourceIds = new Set<string>();
  spec.sources.forEach((source, s) => {
    const sid = sourceId(source);
    if (sid === null) return;
    if (sourceIds.has(sid))
      add('level/duplicate-id', ['sources', s, 'id'], `duplicate source id "${sid}"`);
    sourceIds.add(sid);
  });
  for (const ref of sourceRefs(spec))
    if (!sourceIds.has(ref.id))
      errors.push({
        code: 'level/unknown-source',
        file,
        path: ref.path,
        message: `unknown source "${ref.id}" (not an id in $.sources)`,
      });
  return errors;
}
