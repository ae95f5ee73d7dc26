import { describe, expect, it } from 'vitest';
import { PARTIES } from '../core/parties';
import { PALETTES, PALETTE_NAMES, cssColour, cssVariables } from './palette';

describe('the palette module (issue 9)', () => {
  it('gives CSS the same colours the scenes draw with', () => {
    for (const name of PALETTE_NAMES) {
      const palette = PALETTES[name];
      const vars = cssVariables(palette);
      for (const party of PARTIES)
        expect(vars[`--party-${party}`]).toBe(cssColour(palette.party[party]));
      expect(vars['--accept']).toBe(cssColour(palette.accept));
      expect(vars['--reject']).toBe(cssColour(palette.reject));
    }
  });

  it('writes six-digit hex colours, leading zeros kept', () => {
    expect(cssColour(0x0072b2)).toBe('#0072b2');
    expect(cssColour(0xf0e442)).toBe('#f0e442');
  });

  it('changes every delegation colour in the colour-blind palette', () => {
    for (const party of PARTIES)
      expect(PALETTES.colourblind.party[party]).not.toBe(PALETTES.default.party[party]);
  });
});
