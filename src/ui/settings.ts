// Player settings: sound and volume, reduced motion, a colour-blind-safe palette and larger text.
// Kept in localStorage under one key; a corrupt value falls back to the defaults without throwing
// and without touching any other key. The store applies itself to <html> as data attributes,
// which settings.css turns into styles, and as the palette's CSS custom properties
// (src/view/palette.ts, which the Phaser scenes read too).
import type { ByParty } from '../core/parties';
import { err, ok, type Result } from '../core/result';
import { z } from 'zod';
import { PALETTE_NAMES, cssVariables, paletteNamed, type PaletteName } from '../view/palette';
import { h } from './dom';
import { isRecord } from '../core/isRecord';
import './settings.css';

export const SETTINGS_KEY = 'redlines.settings.v1';

export const PALETTES = PALETTE_NAMES;
export type Palette = PaletteName;

export interface Settings {
  /** The one sound switch. */
  readonly sound: boolean;
  /** 0..1. */
  readonly volume: number;
  /** Effective value: the player's choice, or else the system's `prefers-reduced-motion`. */
  readonly reducedMotion: boolean;
  readonly palette: Palette;
  readonly largeText: boolean;
}

/** What is stored: reducedMotion only once the player has chosen it. */
export interface StoredSettings {
  readonly sound: boolean;
  readonly volume: number;
  readonly reducedMotion?: boolean;
  readonly palette: Palette;
  readonly largeText: boolean;
}

export const DEFAULT_SETTINGS: StoredSettings = {
  sound: true,
  volume: 0.8,
  palette: 'default',
  largeText: false,
};

export interface SettingsError {
  readonly code: 'settings/corrupt';
  readonly message: string;
}

/** Each field falls back to its default on its own, so one bad field never discards the rest. */
const storedSchema = z.object({
  sound: z.boolean().catch(DEFAULT_SETTINGS.sound),
  volume: z
    .number()
    .refine(Number.isFinite)
    .transform((v) => Math.min(1, Math.max(0, v)))
    .catch(DEFAULT_SETTINGS.volume),
  reducedMotion: z.boolean().optional().catch(undefined),
  palette: z.enum(PALETTES).catch(DEFAULT_SETTINGS.palette),
  largeText: z.boolean().catch(DEFAULT_SETTINGS.largeText),
});

/**
 * Parses the stored JSON. Not JSON, or not an object: an error. Fields of the wrong type fall
 * back one by one to their defaults, so a setting added later never discards the others.
 */
export function parseSettings(text: string): Result<StoredSettings, SettingsError> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return err({
      code: 'settings/corrupt',
      message: `${SETTINGS_KEY} is not valid JSON; using the default settings.`,
    });
  }
  if (!isRecord(data))
    return err({
      code: 'settings/corrupt',
      message: `${SETTINGS_KEY} is not an object; using the default settings.`,
    });
  const { reducedMotion, ...rest } = storedSchema.parse(data);
  return ok(reducedMotion === undefined ? rest : { ...rest, reducedMotion });
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;
type MediaLike = {
  readonly matches: boolean;
  addEventListener?: (type: 'change', listener: () => void) => void;
};

export interface SettingsStoreOptions {
  /** Defaults to window.localStorage; null keeps settings for this page only. */
  readonly storage?: StorageLike | null;
  /** Defaults to window.matchMedia. */
  readonly matchMedia?: ((query: string) => MediaLike) | null;
  /** Where the data attributes go; defaults to document.documentElement. */
  readonly root?: HTMLElement | null;
}

export type SettingsPatch = Partial<Settings>;

function defaultStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked (privacy settings): settings live for this page only
  }
}

export class SettingsStore {
  private stored: StoredSettings = DEFAULT_SETTINGS;
  private readonly listeners = new Set<(settings: Settings) => void>();
  private readonly storage: StorageLike | null;
  private readonly media: MediaLike | null;
  private readonly root: HTMLElement | null;
  /** Set when the stored value was unreadable (and ignored). */
  readonly problem: SettingsError | null = null;

  constructor(options: SettingsStoreOptions = {}) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    const matchMedia =
      options.matchMedia === undefined
        ? typeof window !== 'undefined' && typeof window.matchMedia === 'function'
          ? (q: string) => window.matchMedia(q)
          : null
        : options.matchMedia;
    this.media = matchMedia ? matchMedia('(prefers-reduced-motion: reduce)') : null;
    this.root =
      options.root === undefined
        ? typeof document === 'undefined'
          ? null
          : document.documentElement
        : options.root;
    let text: string | null;
    try {
      text = this.storage?.getItem(SETTINGS_KEY) ?? null;
    } catch {
      text = null;
    }
    if (text !== null) {
      const parsed = parseSettings(text);
      if (parsed.ok) this.stored = parsed.value;
      else this.problem = parsed.error;
    }
    // Following the system: a change there shows at once unless the player has chosen.
    this.media?.addEventListener?.('change', () => {
      if (this.stored.reducedMotion === undefined) this.changed();
    });
    this.apply();
  }

  get(): Settings {
    const { reducedMotion, ...rest } = this.stored;
    return { ...rest, reducedMotion: reducedMotion ?? this.media?.matches ?? false };
  }

  /** Changes some settings, saves them and tells the listeners. */
  set(patch: SettingsPatch): void {
    const next: Record<string, unknown> = { ...this.stored };
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) next[key] = value;
    const parsed = parseSettings(JSON.stringify(next));
    if (!parsed.ok) return;
    this.stored = parsed.value;
    try {
      this.storage?.setItem(SETTINGS_KEY, JSON.stringify(this.stored));
    } catch {
      // Quota or blocked storage: keep the setting for this page.
    }
    this.changed();
  }

  /** Calls `listener` on every change (not immediately). Returns an unsubscribe function. */
  subscribe(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.apply();
    const settings = this.get();
    for (const listener of [...this.listeners]) listener(settings);
  }

  /** Writes data-motion, data-palette and data-text on the root element. */
  private apply(): void {
    if (!this.root) return;
    const s = this.get();
    this.root.dataset.motion = s.reducedMotion ? 'reduce' : 'full';
    this.root.dataset.palette = s.palette;
    this.root.dataset.text = s.largeText ? 'large' : 'normal';
    applyPalette(this.root, s.palette);
  }
}

/** Sets the palette's CSS custom properties (`--party-us`, `--accept`…) on `root`. */
export function applyPalette(root: HTMLElement, palette: Palette): void {
  for (const [name, value] of Object.entries(cssVariables(paletteNamed(palette))))
    root.style.setProperty(name, value);
}

/** Delegation colours, as the `--party-*` CSS variables and the scenes have them. */
export function partyColours(palette: Palette): ByParty<number> {
  return { ...paletteNamed(palette).party };
}

export interface SettingsPanel {
  /** The "Settings" button that opens the dialog; place it in the page header. */
  readonly button: HTMLButtonElement;
  /** The dialog; append it anywhere in the body (it shows only when opened). */
  readonly dialog: HTMLDialogElement;
  open(): void;
  close(): void;
  /** Stops following the store. */
  destroy(): void;
}

let panelCount = 0;

/** An accessible settings dialog and the button that opens it. Changes apply immediately. */
export function settingsPanel(store: SettingsStore): SettingsPanel {
  const id = `settings-${++panelCount}`;
  const check = (name: string, label: string, help?: string) => {
    const input = h('input', {
      type: 'checkbox',
      id: `${id}-${name}`,
      name,
      'aria-describedby': help ? `${id}-${name}-help` : undefined,
    });
    const row = h(
      'div',
      { class: 'settings-row' },
      input,
      h('label', { for: `${id}-${name}` }, label),
      help ? h('p', { id: `${id}-${name}-help`, class: 'muted settings-help' }, help) : null,
    );
    return { input, row };
  };
  const sound = check('sound', 'Play sounds');
  const volume = h('input', {
    type: 'range',
    id: `${id}-volume`,
    name: 'volume',
    min: 0,
    max: 100,
    step: 5,
  });
  const volumeOut = h('output', { for: `${id}-volume`, class: 'settings-volume-value' });
  const motion = check(
    'motion',
    'Reduce motion',
    'Follows your system setting until you change it here.',
  );
  const palette = check(
    'palette',
    'Colour-blind-safe colours',
    'Okabe–Ito colours for the delegations, blue and orange for accept and reject.',
  );
  const text = check('text', 'Larger text');
  const closeButton = h('button', { type: 'button', class: 'primary' }, 'Close');

  const dialog = h(
    'dialog',
    { id, class: 'settings-dialog', 'aria-labelledby': `${id}-title` },
    h(
      'form',
      { method: 'dialog', class: 'settings-body' },
      h('h2', { id: `${id}-title` }, 'Settings'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Sound'),
        sound.row,
        h(
          'div',
          { class: 'settings-row settings-range' },
          h('label', { for: `${id}-volume` }, 'Volume'),
          volume,
          volumeOut,
        ),
      ),
      h('fieldset', {}, h('legend', {}, 'Display'), motion.row, palette.row, text.row),
      h('div', { class: 'row' }, closeButton),
    ),
  );
  const button = h(
    'button',
    {
      type: 'button',
      class: 'settings-button',
      'aria-haspopup': 'dialog',
      'aria-controls': id,
      'aria-expanded': 'false',
    },
    'Settings',
  );

  const show = (s: Settings) => {
    sound.input.checked = s.sound;
    const percent = Math.round(s.volume * 100);
    volume.value = String(percent);
    volume.setAttribute('aria-valuetext', `${percent}%`);
    volumeOut.textContent = `${percent}%`;
    motion.input.checked = s.reducedMotion;
    palette.input.checked = s.palette === 'colourblind';
    text.input.checked = s.largeText;
  };
  show(store.get());
  const unsubscribe = store.subscribe(show);

  sound.input.addEventListener('change', () => store.set({ sound: sound.input.checked }));
  volume.addEventListener('input', () => store.set({ volume: Number(volume.value) / 100 }));
  motion.input.addEventListener('change', () => store.set({ reducedMotion: motion.input.checked }));
  palette.input.addEventListener('change', () =>
    store.set({ palette: palette.input.checked ? 'colourblind' : 'default' }),
  );
  text.input.addEventListener('change', () => store.set({ largeText: text.input.checked }));

  const open = () => {
    if (dialog.open) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    button.setAttribute('aria-expanded', 'true');
    sound.input.focus();
  };
  const close = () => {
    if (dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
    onClosed();
  };
  const onClosed = () => {
    if (button.getAttribute('aria-expanded') === 'false') return;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  button.addEventListener('click', open);
  closeButton.addEventListener('click', close);
  // Escape (the dialog's own cancel) and form submission close it too: give focus back.
  dialog.addEventListener('close', onClosed);
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) close(); // a click on the backdrop
  });

  return { button, dialog, open, close, destroy: unsubscribe };
}
