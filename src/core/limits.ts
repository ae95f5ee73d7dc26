// The engine's limits, declared once. Every input is checked against them before any work is done
// on it, and every refusal names the limit. Pure: no DOM, no clock, no randomness.

/**
 * Options per issue. Red lines keep their options as bits of a 32-bit mask (`1 << option`), and
 * result codes write one base-36 digit per option, so 32 is the most the engine can hold.
 */
export const MAX_OPTIONS_PER_ISSUE = 32;

/**
 * Issues per level. A result code writes an issue index (commitments) as one base-36 digit; with
 * at least two options per issue, MAX_PACKAGES allows no more than 17 anyway.
 */
export const MAX_ISSUES = 24;

/**
 * Firm red lines per party. Each package keeps its firm lines as bits of a 16-bit mask, and the
 * computer negotiators build a table of 2^firm penalties for every decision. Measured (two cores,
 * Node 20, computer-only game): 12 firm lines at 466,560 packages take 1.05 s for the first game
 * and 0.1 s for the next; 16 take 1.6 s and 0.2 s; on an 18-package level 12 lines take
 * 12–68 ms and 16 take 180–230 ms. 12 keeps every game well under a second.
 */
export const MAX_FIRM_RED_LINES = 12;

/** Red lines per party, hard and firm together (each is evaluated on every package at load). */
export const MAX_RED_LINES = 24;

/**
 * Packages (the product of the option counts): exact analysis and the computer negotiators
 * enumerate every package. At 466,560 a level took 0.3–1.1 s to load and a first game 0.9–1.6 s;
 * 200,000 keeps both under half a second. The largest shipped level has 46,080.
 */
export const MAX_PACKAGES = 200_000;

/** The longest game: `deadline` is at most this many rounds. */
export const MAX_DEADLINE = 40;

/** Moves in one round: one proposal, three responses, four side moves. */
export const MOVES_PER_ROUND = 8;

/** Moves in a whole game; a code, save or replay with more is refused before any is replayed. */
export const MAX_MOVES = MAX_DEADLINE * MOVES_PER_ROUND;

/** Nesting of arrays and objects in a level file (real levels nest 7 deep). */
export const MAX_JSON_DEPTH = 32;

/** Characters in a level file. The largest shipped level has about 40,000. */
export const MAX_LEVEL_FILE_CHARS = 1_000_000;

/** Characters in a result code (a full four-seat game of the longest level stays far below it). */
export const MAX_CODE_LENGTH = 4000;

/** Characters of the text a code's body decompresses to (level, seed, seats, moves, name). */
export const MAX_PAYLOAD_CHARS = 200 + MAX_MOVES * (2 + MAX_ISSUES) + 4 * 40;

/** Characters in a player's name. */
export const MAX_NAME_LENGTH = 40;

/** Characters in one pasted line of the teacher's list: a name, a link and a code. */
export const MAX_LINE_LENGTH = 6000;

/** Characters in the teacher's whole list (and in storage). */
export const MAX_LIST_LENGTH = 400_000;

/** Lines of codes in the teacher's list. */
export const MAX_LIST_LINES = 200;

/** Characters in one URL parameter (a result code is the longest). */
export const MAX_URL_PARAM_LENGTH = MAX_CODE_LENGTH;

/** Unknown field names listed in one error line; the rest are counted. */
export const MAX_LISTED_FIELDS = 5;

/** Errors reported for one level file; the rest are counted. */
export const MAX_LEVEL_ERRORS = 50;

export const LIMITS = {
  optionsPerIssue: MAX_OPTIONS_PER_ISSUE,
  issues: MAX_ISSUES,
  firmRedLinesPerParty: MAX_FIRM_RED_LINES,
  redLinesPerParty: MAX_RED_LINES,
  packages: MAX_PACKAGES,
  deadline: MAX_DEADLINE,
  movesPerGame: MAX_MOVES,
  jsonDepth: MAX_JSON_DEPTH,
  levelFileChars: MAX_LEVEL_FILE_CHARS,
  codeChars: MAX_CODE_LENGTH,
  payloadChars: MAX_PAYLOAD_CHARS,
  nameChars: MAX_NAME_LENGTH,
  pastedLineChars: MAX_LINE_LENGTH,
  pastedListChars: MAX_LIST_LENGTH,
  pastedLines: MAX_LIST_LINES,
  urlParamChars: MAX_URL_PARAM_LENGTH,
} as const;

/**
 * The deepest nesting of arrays and objects in JSON text, found by one pass over the characters
 * (strings skipped), with no recursion: a 10,000-deep file cannot blow the stack. Stops counting
 * as soon as `limit` is passed and returns the offset where it was.
 */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): { depth: number; at: number } {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return { depth: max, at: i };
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth = Math.max(0, depth - 1);
  }
  return { depth: max, at: -1 };
}

/**
 * Control and formatting characters, including every bidirectional control (ALM U+061C, LRM and
 * RLM U+200E/F, embeddings and overrides U+202A–E, isolates U+2066–9), which could reverse the
 * text around them.
 */
export const UNPRINTABLE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * Text from outside (names, link parameters) as it may be shown: control, formatting and
 * bidirectional characters become spaces, runs of white space one space, and the result is cut to
 * `max` characters (whole code points).
 */
export function cleanText(input: string, max: number): string {
  const text = input.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
  return Array.from(text).slice(0, max).join('').trim();
}
