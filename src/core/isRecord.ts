/** A plain object (not null, not an array): the one definition, for the core and the shell. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
