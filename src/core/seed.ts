import { hash32 } from './hash';
import { cleanText } from './limits';
import { err, ok, type Result } from './result';

/** Digits and consonants: no vowels (and no Y), so no words can appear in a seed. */
export const SEED_ALPHABET = '0123456789BCDFGHJKLMNPQRSTVWXZ';
export const SEED_LENGTH = 8;

export interface SeedError {
  readonly code: 'seed/empty' | 'seed/length' | 'seed/character';
  readonly message: string;
}

/** Seeds are case-insensitive: the canonical form is upper case. */
export function parseSeed(input: string): Result<string, SeedError> {
  const seed = input.trim().toUpperCase();
  if (seed.length === 0) return err({ code: 'seed/empty', message: 'the seed is empty' });
  if (seed.length < 4 || seed.length > 16)
    return err({ code: 'seed/length', message: 'a seed has 4 to 16 characters' });
  for (const ch of seed)
    if (!SEED_ALPHABET.includes(ch))
      return err({
        code: 'seed/character',
        // An unprintable or bidirectional character is named by its code point, never quoted.
        message: `${cleanText(ch, 1) === ch ? `"${ch}"` : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`} cannot be in a seed (use digits and consonants, no vowels)`,
      });
  return ok(seed);
}

/** Builds a seed from any source of random integers (the caller owns the randomness). */
export function seedFrom(randomInt: (bound: number) => number): string {
  let seed = '';
  for (let i = 0; i < SEED_LENGTH; i++) seed += SEED_ALPHABET[randomInt(SEED_ALPHABET.length)];
  return seed;
}

/** The seed of the k-th game of a series; game 0 is the series seed itself. */
export function deriveSeed(seed: string, k: number): string {
  if (k === 0) return seed;
  let out = '';
  for (let i = 0; i < SEED_LENGTH; i++)
    out += SEED_ALPHABET[hash32(`${seed}#${k}#${i}`) % SEED_ALPHABET.length];
  return out;
}
