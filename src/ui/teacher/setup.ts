// Part 1, the class game: level, seed, difficulty, seats and the round timer's length.
import type { Difficulty, Party } from '../../core/parties';
import { h } from '../dom';
import type { Seating } from '../teacherData';

export interface SetupProps {
  readonly levels: readonly { readonly id: string; readonly title: string }[];
  readonly level: string;
  /** What the seed box holds, valid or not. */
  readonly seedText: string;
  readonly seedError: string | null;
  readonly difficulties: readonly Difficulty[];
  readonly difficulty: Difficulty;
  readonly roles: readonly { readonly party: Party; readonly name: string }[];
  readonly role: Party;
  readonly seating: Seating;
  /** "group 1: …, group 2: …" */
  readonly rotation: string;
  readonly timer: number;
  readonly maxTimer: number;
}

export interface SetupIntents {
  readonly setLevel: (id: string) => void;
  readonly setSeed: (text: string) => void;
  readonly newSeed: () => void;
  readonly setDifficulty: (value: string) => void;
  readonly setRole: (value: string) => void;
  readonly setSeating: (seating: Seating) => void;
  readonly setTimer: (minutes: number) => void;
}

const valueOf = (e: Event): string =>
  (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

export function render(props: SetupProps, intents: SetupIntents): HTMLElement {
  const radio = (seating: Seating) =>
    h('input', {
      type: 'radio',
      name: 'tc-seating',
      id: `tc-seating-${seating}`,
      value: seating,
      checked: props.seating === seating,
      onchange: () => intents.setSeating(seating),
    });
  return h(
    'section',
    { class: 'tc-setup', 'aria-labelledby': 'tc-setup-title' },
    h('h2', { id: 'tc-setup-title' }, '1. The class game'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'tc-level' }, 'Level'),
      h(
        'select',
        { id: 'tc-level', onchange: (e) => intents.setLevel(valueOf(e)) },
        props.levels.map((l) =>
          h('option', { value: l.id, selected: l.id === props.level }, l.title),
        ),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'tc-seed' }, 'Seed'),
      h(
        'div',
        { class: 'row' },
        h('input', {
          id: 'tc-seed',
          value: props.seedText,
          maxlength: 16,
          autocomplete: 'off',
          spellcheck: 'false',
          autocapitalize: 'characters',
          'aria-describedby': 'tc-seed-help tc-seed-error',
          'aria-invalid': props.seedError === null ? undefined : 'true',
          oninput: (e) => intents.setSeed(valueOf(e)),
        }),
        h(
          'button',
          { type: 'button', id: 'tc-new-seed', onclick: () => intents.newSeed() },
          'New seed',
        ),
      ),
      h(
        'p',
        { id: 'tc-seed-help', class: 'muted' },
        'Everyone with the same seed gets the same game. Keep this one for the whole class.',
      ),
      h('p', { id: 'tc-seed-error', class: 'error', role: 'alert' }, props.seedError ?? ''),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'tc-difficulty' }, 'Difficulty'),
      h(
        'select',
        { id: 'tc-difficulty', onchange: (e) => intents.setDifficulty(valueOf(e)) },
        props.difficulties.map((d) =>
          h('option', { value: d, selected: d === props.difficulty }, d),
        ),
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Seats'),
      h(
        'div',
        { class: 'tc-choice' },
        radio('same'),
        h('label', { for: 'tc-seating-same' }, 'Everyone plays the same seat: '),
        h(
          'select',
          {
            id: 'tc-role',
            'aria-label': 'Seat everyone plays',
            onchange: (e) => intents.setRole(valueOf(e)),
          },
          props.roles.map((r) =>
            h('option', { value: r.party, selected: r.party === props.role }, r.name),
          ),
        ),
      ),
      h(
        'div',
        { class: 'tc-choice' },
        radio('rotate'),
        h('label', { for: 'tc-seating-rotate' }, 'Rotate seats by group number'),
        h('span', { class: 'muted' }, ` (${props.rotation})`),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { for: 'tc-timer' },
        `Round timer in minutes (0 for none, at most ${props.maxTimer}); it runs on this page only`,
      ),
      h('input', {
        id: 'tc-timer',
        type: 'number',
        min: 0,
        max: props.maxTimer,
        step: 1,
        value: props.timer,
        inputmode: 'numeric',
        onchange: (e) => intents.setTimer(Number(valueOf(e))),
      }),
    ),
  );
}
