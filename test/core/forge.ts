// Forged result codes for the limit tests: a valid check around any payload text.
import * as lzModule from 'lz-string';
import { GAME_VERSION, levelHash } from '../../src/core/codes';
import { hash32 } from '../../src/core/hash';
import { mini } from './helpers';

const lz = (lzModule as typeof lzModule & { default?: typeof lzModule }).default ?? lzModule;

/** A code with a valid check around any payload text, made the way encodeResult makes codes. */
export function forgeCode(payload: string): string {
  const body = lz.compressToEncodedURIComponent(payload).replace(/\+/g, '_').replace(/\$/g, '~');
  const signed = `${GAME_VERSION}.${body}`;
  return `${signed}.${hash32(signed).toString(36).padStart(7, '0')}`;
}

/** Payload text of a game of `moves` passes on mini (the moves are not legal, only many). */
export const manyMoves = (moves: number): string =>
  `mini|${levelHash(mini())}|BCDF2345|8|n|${'X0'.repeat(moves)}|`;
