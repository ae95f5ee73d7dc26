// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  SettingsStore,
  parseSettings,
  partyColours,
  settingsPanel,
} from './settings';

class MemoryStorage implements Pick<Storage, 'getItem' | 'setItem'> {
  readonly map = new Map<string, string>();
  getItem = (key: string) => this.map.get(key) ?? null;
  setItem = (key: string, value: string) => void this.map.set(key, String(value));
}

/** A prefers-reduced-motion query whose answer the test controls. */
function fakeMedia(matches: boolean) {
  const listeners: (() => void)[] = [];
  const query = {
    matches,
    addEventListener: (_type: 'change', listener: () => void) => void listeners.push(listener),
  };
  return {
    matchMedia: () => query,
    change(to: boolean) {
      query.matches = to;
      for (const l of listeners) l();
    },
  };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('html');
});

describe('parseSettings', () => {
  it('reads a full object', () => {
    const stored = { ...DEFAULT_SETTINGS, sound: false, volume: 0.2, reducedMotion: true };
    expect(parseSettings(JSON.stringify(stored))).toEqual({ ok: true, value: stored });
  });

  it('is an error, not an exception, for corrupt JSON and non-objects', () => {
    for (const text of ['{"sound": tru', 'null', '[1,2]', '"loud"']) {
      const result = parseSettings(text);
      expect(!result.ok && result.error.code).toBe('settings/corrupt');
    }
  });

  it('keeps the valid fields and defaults the rest', () => {
    const result = parseSettings('{"sound":false,"volume":"loud","palette":"neon","extra":1}');
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, sound: false } });
    expect(parseSettings('{"volume":7}')).toEqual({
      ok: true,
      value: { ...DEFAULT_SETTINGS, volume: 1 },
    });
  });
});

describe('SettingsStore', () => {
  it('starts from the defaults and follows the system for reduced motion', () => {
    const media = fakeMedia(true);
    const store = new SettingsStore({
      storage: new MemoryStorage(),
      matchMedia: media.matchMedia,
      root,
    });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, reducedMotion: true });
    expect(root.dataset).toMatchObject({ motion: 'reduce', palette: 'default', text: 'normal' });
    media.change(false);
    expect(root.dataset.motion).toBe('full');
  });

  it('persists changes, applies them to the document and tells subscribers', () => {
    const storage = new MemoryStorage();
    const media = fakeMedia(false);
    const store = new SettingsStore({ storage, matchMedia: media.matchMedia, root });
    const seen: boolean[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.largeText));
    store.set({ largeText: true, palette: 'colourblind', reducedMotion: true, volume: 0.5 });
    expect(root.dataset).toMatchObject({ motion: 'reduce', palette: 'colourblind', text: 'large' });
    // The palette reaches CSS as custom properties from src/view/palette.ts (issue 9).
    expect(root.style.getPropertyValue('--party-us')).toBe('#0072b2');
    expect(root.style.getPropertyValue('--reject')).toBe('#e69f00');
    expect(seen).toEqual([true]);
    unsubscribe();
    store.set({ largeText: false });
    expect(seen).toEqual([true]);

    // A reload reads the same settings, and an explicit choice beats the system's.
    media.change(false);
    const reloaded = new SettingsStore({ storage, matchMedia: media.matchMedia, root });
    expect(reloaded.get()).toEqual({
      sound: true,
      volume: 0.5,
      reducedMotion: true,
      palette: 'colourblind',
      largeText: false,
    });
  });

  it('falls back to the defaults on a corrupt value, without throwing or touching other keys', () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, '{oops');
    storage.setItem('redlines.save.v1', 'SAVE');
    const store = new SettingsStore({ storage, matchMedia: null, root });
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, reducedMotion: false });
    expect(store.problem?.code).toBe('settings/corrupt');
    expect(storage.getItem(SETTINGS_KEY)).toBe('{oops');
    expect(storage.getItem('redlines.save.v1')).toBe('SAVE');
    expect([...storage.map.keys()].sort()).toEqual([SETTINGS_KEY, 'redlines.save.v1'].sort());
  });

  it('survives storage that throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = new SettingsStore({ storage, matchMedia: null, root });
    expect(() => store.set({ sound: false })).not.toThrow();
    expect(store.get().sound).toBe(false);
  });

  it('uses localStorage and matchMedia by default', () => {
    localStorage.removeItem(SETTINGS_KEY);
    const store = new SettingsStore();
    store.set({ volume: 0.4 });
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toMatchObject({ volume: 0.4 });
    expect(document.documentElement.dataset.palette).toBe('default');
  });
});

describe('partyColours', () => {
  it('gives Okabe–Ito colours for the colour-blind palette', () => {
    expect(partyColours('default')).toEqual({
      us: 0x4c8bf5,
      europe: 0xf0c419,
      russia: 0xe5533d,
      ukraine: 0x2ec4b6,
    });
    expect(partyColours('colourblind')).toEqual({
      us: 0x0072b2,
      europe: 0xf0e442,
      russia: 0xd55e00,
      ukraine: 0x009e73,
    });
  });
});

describe('settingsPanel', () => {
  const setup = () => {
    const store = new SettingsStore({ storage: new MemoryStorage(), matchMedia: null, root });
    const panel = settingsPanel(store);
    document.body.replaceChildren(panel.button, panel.dialog);
    return { store, panel };
  };

  it('opens from its button, with a heading and labelled controls', () => {
    const { panel } = setup();
    expect(panel.button.textContent).toBe('Settings');
    expect(panel.button.getAttribute('aria-controls')).toBe(panel.dialog.id);
    panel.button.click();
    expect(panel.dialog.open).toBe(true);
    expect(panel.button.getAttribute('aria-expanded')).toBe('true');
    const title = document.getElementById(panel.dialog.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('Settings');
    for (const input of panel.dialog.querySelectorAll('input')) {
      const label = panel.dialog.querySelector(`label[for="${input.id}"]`);
      expect(label?.textContent, input.name).toBeTruthy();
    }
    expect(document.activeElement?.getAttribute('name')).toBe('sound');
  });

  it('changes the store when a control changes, and follows the store', () => {
    const { store, panel } = setup();
    const input = (name: string) => panel.dialog.querySelector<HTMLInputElement>(`[name=${name}]`)!;
    input('sound').click();
    expect(store.get().sound).toBe(false);
    input('palette').click();
    expect(store.get().palette).toBe('colourblind');
    input('text').click();
    expect(root.dataset.text).toBe('large');
    input('motion').click();
    expect(store.get().reducedMotion).toBe(true);
    const volume = input('volume');
    volume.value = '35';
    volume.dispatchEvent(new Event('input'));
    expect(store.get().volume).toBe(0.35);
    expect(panel.dialog.querySelector('output')?.textContent).toBe('35%');
    store.set({ sound: true });
    expect(input('sound').checked).toBe(true);
  });

  it('gives focus back to its button when closed', () => {
    const { panel } = setup();
    panel.open();
    panel.close();
    expect(panel.dialog.open).toBe(false);
    expect(panel.button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(panel.button);
  });
});
