// Part 3a, the codes box. The teacher types here, so it is rendered again only when the page
// itself changes the text (the list was cleared), never on the teacher's own typing.
import { h } from '../dom';

export interface CodesProps {
  /** Bumped each time the page, not the teacher, changes the text. */
  readonly revision: number;
  readonly text: string;
  readonly maxLength: number;
}

export interface CodesIntents {
  readonly typeCodes: (text: string) => void;
}

export const codesKey = (props: CodesProps): number => props.revision;

export function render(props: CodesProps, intents: CodesIntents): HTMLElement {
  const area = h('textarea', {
    id: 'tc-codes',
    rows: 8,
    spellcheck: 'false',
    autocomplete: 'off',
    maxlength: props.maxLength,
    'aria-describedby': 'tc-codes-help',
    placeholder: 'Ada: 1.N4Ig…\n1.M4Qw…',
    oninput: (e) => intents.typeCodes((e.currentTarget as HTMLTextAreaElement).value),
  });
  area.value = props.text;
  return h(
    'div',
    { class: 'tc-codes' },
    h('label', { for: 'tc-codes' }, 'Result codes, one per line'),
    h(
      'p',
      { id: 'tc-codes-help', class: 'muted' },
      'Students see their code at the end of the game. Add a name before it if you like: “Ada: 1.N4Ig…”. ',
      'Each code is checked by replaying the game; a changed or incomplete code is refused with the reason.',
    ),
    area,
  );
}
