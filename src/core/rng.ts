import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { hash32 } from './hash';

/** The generator's state lives in game state as plain numbers, so it hashes and serialises. */
export type RngState = readonly number[];

export const rngFromSeed = (seed: string): RngState =>
  xoroshiro128plus(hash32(seed) | 0).getState();

/** Draws an integer in [from, to]; returns it with the next state. */
export function drawInt(state: RngState, from: number, to: number): [number, RngState] {
  const rng = xoroshiro128plusFromState(state);
  const value = uniformInt(rng, from, to);
  return [value, rng.getState()];
}

/** Draws a float in [0, 1) with 2^-30 resolution. */
export function drawUnit(state: RngState): [number, RngState] {
  const [n, next] = drawInt(state, 0, 0x3fffffff);
  return [n / 0x40000000, next];
}

export function shuffle<T>(items: readonly T[], state: RngState): [T[], RngState] {
  const out = [...items];
  let s = state;
  for (let i = out.length - 1; i > 0; i--) {
    let j: number;
    [j, s] = drawInt(s, 0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return [out, s];
}
