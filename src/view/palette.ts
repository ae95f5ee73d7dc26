// The game's colours, in one place: the HTML (as CSS custom properties, see `cssVariables`) and the
// Phaser scenes (as numbers) both read them from here. No DOM and no Phaser, so Vitest checks it.
import type { ByParty } from '../core/parties';
import type { Mood } from '../core/seatView';

export const PALETTE_NAMES = ['default', 'colourblind'] as const;
export type PaletteName = (typeof PALETTE_NAMES)[number];

export interface Palette {
  readonly name: PaletteName;
  /** The delegations' colours (seats, bubble rims, the HTML's party marks). */
  readonly party: ByParty<number>;
  /** Accept and reject: answers, response marks, late rounds on the clock. */
  readonly accept: number;
  readonly reject: number;
  /** The ring round each face; the face itself also shows the mood in its drawing. */
  readonly mood: Readonly<Record<Mood, number>>;
  /** The map's line of contact, and the package's troops on it. */
  readonly line: number;
  readonly troops: number;
}

export const PALETTES: Readonly<Record<PaletteName, Palette>> = {
  default: {
    name: 'default',
    party: { us: 0x4c8bf5, europe: 0xf0c419, russia: 0xe5533d, ukraine: 0x2ec4b6 },
    accept: 0x5fd35f,
    reject: 0xff8a7a,
    mood: { pleased: 0x5fd35f, neutral: 0xc9d1d9, uneasy: 0xf0a030, angry: 0xff6b5b },
    line: 0xe63946,
    troops: 0x5fa8ff,
  },
  // Okabe–Ito, safe for the common colour-vision deficiencies: blue, yellow, vermillion and
  // bluish green for the delegations; sky blue and orange instead of green and red.
  colourblind: {
    name: 'colourblind',
    party: { us: 0x0072b2, europe: 0xf0e442, russia: 0xd55e00, ukraine: 0x009e73 },
    accept: 0x56b4e9,
    reject: 0xe69f00,
    mood: { pleased: 0x56b4e9, neutral: 0xc9d1d9, uneasy: 0xe69f00, angry: 0xd55e00 },
    line: 0xd55e00,
    troops: 0x56b4e9,
  },
};

export function paletteNamed(name: PaletteName): Palette {
  return PALETTES[name];
}

/** `0x4c8bf5` → `'#4c8bf5'`. */
export const cssColour = (colour: number): string => `#${colour.toString(16).padStart(6, '0')}`;

/** The CSS custom properties the stylesheets use (`var(--party-us)`, `var(--accept)`…). */
export function cssVariables(palette: Palette): Record<string, string> {
  return {
    '--party-us': cssColour(palette.party.us),
    '--party-europe': cssColour(palette.party.europe),
    '--party-russia': cssColour(palette.party.russia),
    '--party-ukraine': cssColour(palette.party.ukraine),
    '--accept': cssColour(palette.accept),
    '--reject': cssColour(palette.reject),
  };
}

/** What the scenes draw with: the palette and whether to animate at all. */
export interface DisplaySettings {
  readonly palette: PaletteName;
  readonly reducedMotion: boolean;
}

export const DEFAULT_DISPLAY: DisplaySettings = { palette: 'default', reducedMotion: false };
