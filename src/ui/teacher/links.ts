// Part 2, the class link: one QR code and link per seat given out, with a projector view.
import { h } from '../dom';
import { qrSvg } from './qr';

export interface LinkProps {
  readonly title: string;
  readonly url: string;
  /** "Copied." or how to copy by hand, after the Copy button was used. */
  readonly status: string;
}

export interface LinksProps {
  /** Why there is no link (no level, a bad seed), else null. */
  readonly problem: string | null;
  readonly links: readonly LinkProps[];
  readonly projector: boolean;
}

export interface LinksIntents {
  readonly toggleProjector: () => void;
  readonly copy: (url: string) => void;
}

function linkFigure(link: LinkProps, index: number, intents: LinksIntents): HTMLElement {
  return h(
    'figure',
    { class: 'tc-link' },
    h('figcaption', {}, link.title),
    qrSvg(link.url, `QR code of the link for ${link.title}`),
    h(
      'div',
      { class: 'row' },
      h('input', {
        readonly: true,
        value: link.url,
        class: 'tc-url',
        id: `tc-url-${index + 1}`,
        'aria-label': `Link for ${link.title}`,
        onfocus: (e) => (e.currentTarget as HTMLInputElement).select(),
      }),
      h(
        'button',
        { type: 'button', id: `tc-copy-${index + 1}`, onclick: () => intents.copy(link.url) },
        'Copy',
      ),
      h('span', { class: 'muted', role: 'status' }, link.status),
    ),
    h('a', { href: link.url, target: '_blank', rel: 'noopener' }, 'Open this game in a new tab'),
  );
}

export function render(props: LinksProps, intents: LinksIntents): HTMLElement {
  return h(
    'section',
    {
      class: props.projector ? 'tc-share tc-projector' : 'tc-share',
      'aria-labelledby': 'tc-links-title',
    },
    h(
      'div',
      { class: 'row' },
      h('h2', { id: 'tc-links-title' }, '2. The class link'),
      h(
        'button',
        {
          type: 'button',
          id: 'tc-projector',
          'aria-pressed': String(props.projector),
          onclick: () => intents.toggleProjector(),
        },
        'Projector view',
      ),
    ),
    h(
      'div',
      { class: props.links.length > 1 ? 'tc-links tc-groups' : 'tc-links' },
      props.problem !== null
        ? h('p', { class: 'error' }, props.problem)
        : props.links.map((link, i) => linkFigure(link, i, intents)),
    ),
  );
}
