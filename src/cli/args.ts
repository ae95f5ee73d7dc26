// Command-line arguments for the CLIs and scripts, read by Node's `util.parseArgs` (strict: an
// unknown option, a missing value or a stray positional is an error that names the argument).
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the program cannot run with; CLIs print it and exit 2. */
export class ArgError extends Error {}

/** `util.parseArgs`, strict, with its errors turned into `ArgError`s. */
export function parseCommandLine<const T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (e) {
    // Node's ERR_PARSE_ARGS_* messages name the option, e.g. "Unknown option '--gmes'".
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS_'))
      throw new ArgError(e.message);
    throw e;
  }
}

export interface ParsedArgs {
  readonly values: Map<string, string>;
  readonly flags: Set<string>;
  readonly positional: string[];
}

/** `--name value` options, `--flag` switches and positional values (for scripts/balance.ts). */
export function readArgs(
  argv: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
): ParsedArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const name of valued) options[name] = { type: 'string' };
  for (const name of flags) options[name] = { type: 'boolean' };
  const parsed = parseCommandLine({ args: [...argv], options, allowPositionals: true });
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') values.set(name, value);
    else if (value === true) set.add(name);
  }
  return { values, flags: set, positional: parsed.positionals };
}
