// The menu: level, seat, hot-seat seats, difficulty and seed; the saved game, if any.
import { DIFFICULTIES, PARTIES, type Party } from '../../core/parties';
import { parseSeed } from '../../core/seed';
import { h } from '../dom';
import { field, freshSeed } from '../widgets';
import type { Intents, MenuProps, ResumeOffer } from './types';

function resumePanel(offer: ResumeOffer, intents: Intents): HTMLElement {
  if (offer.kind === 'mismatch') {
    const code = h('textarea', { id: 'old-code', readonly: true, rows: 3, spellcheck: 'false' });
    code.value = offer.oldCode ?? '';
    return h(
      'div',
      { class: 'resume', role: 'group', 'aria-labelledby': 'resume-title' },
      h('h2', { id: 'resume-title' }, 'Your saved game no longer replays the same'),
      h('p', {}, `${offer.title}: ${offer.reason}`),
      h(
        'p',
        {},
        'This version of the game would play it differently, so it is not resumed. Start the same seed again, or keep the old result code (the version that made it can check it).',
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          { type: 'button', class: 'primary', id: 'restart-seed', onclick: () => intents.resume() },
          'Start the same seed again',
        ),
        offer.oldCode === null
          ? null
          : h(
              'button',
              {
                type: 'button',
                id: 'keep-code',
                onclick: (e: Event) => {
                  const group = (e.target as HTMLElement).closest('.resume');
                  group?.append(
                    field('old-code', 'The old result code (copy it before you go on)', code),
                  );
                  intents.discardSave();
                  code.select();
                },
              },
              'Keep the old result code',
            ),
      ),
    );
  }
  return h(
    'div',
    { class: 'resume', role: 'group', 'aria-labelledby': 'resume-title' },
    h('h2', { id: 'resume-title' }, 'A game in progress was saved'),
    h(
      'p',
      {},
      `${offer.title}, round ${offer.round ?? '?'} of ${offer.deadline}, as ${offer.seatName}.`,
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', class: 'primary', id: 'resume', onclick: () => intents.resume() },
        'Resume it',
      ),
      h(
        'button',
        {
          type: 'button',
          onclick: (e: Event) => {
            intents.discardSave();
            (e.target as HTMLElement).closest('.resume')?.remove();
          },
        },
        'Discard it',
      ),
    ),
  );
}

export function render(props: MenuProps, intents: Intents): HTMLElement {
  const { params, levels } = props;
  const levelOf = (id: string) => levels.find((l) => l.id === id);
  const seedInput = h('input', {
    id: 'seed',
    name: 'seed',
    value: params.seed ?? freshSeed(),
    autocomplete: 'off',
    spellcheck: 'false',
    maxlength: 16,
    'aria-describedby': 'seed-help seed-error',
  });
  const seedError = h('p', { id: 'seed-error', class: 'error', role: 'alert' });
  const levelSelect = h(
    'select',
    { id: 'level', name: 'level' },
    levels.map((l) =>
      h(
        'option',
        { value: l.id, selected: l.id === params.level },
        l.spec.title.includes(String(l.spec.year))
          ? l.spec.title
          : `${l.spec.title} (${l.spec.year})`,
      ),
    ),
  );
  const levelSummary = h(
    'p',
    { id: 'level-summary', class: 'muted' },
    levelOf(params.level)?.spec.summary ?? '',
  );
  levelSelect.addEventListener('change', () => {
    levelSummary.textContent = levelOf(levelSelect.value)?.spec.summary ?? '';
  });
  const nameOf = (party: Party) => levelOf(params.level)?.parties[party].spec.name ?? party;
  const seat = (party: Party) =>
    h(
      'label',
      { class: 'seat' },
      h('input', { type: 'radio', name: 'role', value: party, checked: party === params.role }),
      ' ',
      nameOf(party),
    );
  const difficulty = h(
    'select',
    { id: 'difficulty', name: 'difficulty', 'aria-describedby': 'difficulty-help' },
    DIFFICULTIES.map((d) =>
      h(
        'option',
        { value: d, selected: d === params.difficulty },
        d[0]!.toUpperCase() + d.slice(1),
      ),
    ),
  );
  const form = h(
    'form',
    { class: 'menu', 'aria-labelledby': 'menu-title' },
    h('h1', { id: 'menu-title' }, 'Red Lines'),
    h(
      'p',
      { class: 'lede' },
      'Four delegations negotiate security guarantees for Ukraine. Table packages, read the refusals, find a deal that holds.',
    ),
    props.resume ? resumePanel(props.resume, intents) : null,
    field('level', 'Level', levelSelect, levelSummary),
    h('fieldset', {}, h('legend', {}, 'Your seat'), PARTIES.map(seat)),
    h(
      'details',
      { class: 'hotseat-options', open: params.mode === 'hotseat' },
      h('summary', {}, 'Hot-seat: two to four people on this device'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Seats played by people (the computer plays the rest)'),
        PARTIES.map((party) =>
          h(
            'label',
            { class: 'seat' },
            h('input', {
              type: 'checkbox',
              name: 'humans',
              value: party,
              checked: params.mode === 'hotseat' && params.humans.includes(party),
            }),
            ' ',
            nameOf(party),
          ),
        ),
        h(
          'p',
          { class: 'muted' },
          'Tick two or more seats to play hot-seat; leave them empty to play alone.',
        ),
      ),
    ),
    field(
      'difficulty',
      'Difficulty',
      difficulty,
      h(
        'p',
        { id: 'difficulty-help', class: 'muted' },
        'It sets your opponents only: the delegations whose interests run against yours, or all ' +
          'of them if you stand between the others. On easy they give ground sooner and settle ' +
          'for less; on hard they hold out and keep more in the last round.',
      ),
    ),
    field(
      'seed',
      'Seed',
      h(
        'div',
        { class: 'row' },
        seedInput,
        h('button', { type: 'button', onclick: () => (seedInput.value = freshSeed()) }, 'New seed'),
      ),
      h(
        'p',
        { id: 'seed-help', class: 'muted' },
        'The same seed gives the same game. Letters and digits, no vowels.',
      ),
      seedError,
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'submit', class: 'primary', id: 'start', 'data-autofocus': true },
        'Start',
      ),
      h('a', { class: 'button', id: 'play-online', href: '?live=new' }, 'Play with friends online'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => {
      const v = data.get(name);
      return typeof v === 'string' ? v : '';
    };
    const seed = parseSeed(text('seed'));
    if (!seed.ok) {
      seedError.textContent = `Seed: ${seed.error.message}.`;
      seedInput.focus();
      return;
    }
    const role = PARTIES.find((p) => p === text('role')) ?? 'ukraine';
    const humans = PARTIES.filter((p) => data.getAll('humans').includes(p));
    if (humans.length === 1) {
      seedError.textContent =
        'Hot-seat play needs at least two seats ticked (or none to play alone).';
      return;
    }
    const hotseat = humans.length >= 2;
    intents.start({
      level: levelOf(text('level'))?.id ?? params.level,
      seed: seed.value,
      role: hotseat ? humans[0]! : role,
      difficulty: DIFFICULTIES.find((d) => d === text('difficulty')) ?? params.difficulty,
      mode: hotseat ? 'hotseat' : 'solo',
      humans: hotseat ? humans : [role],
    });
  });
  return form;
}
