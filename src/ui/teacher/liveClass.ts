// The "Live class" section: the live-class panel (src/live/teacherPanel.ts) is loaded only when
// the teacher page opens, as a chunk of its own, so solo players never download it.
import type { Catalog } from '../../levels';
import { h } from '../dom';

export function liveClassSection(catalog: Catalog): HTMLElement {
  const section = h('section', {
    class: 'tc-live',
    id: 'tc-live-class',
    'aria-label': 'Live class',
    hidden: true,
  });
  import('../../live/teacherPanel').then(
    (panel) => {
      section.hidden = false;
      panel.mountLiveClass(section, catalog);
    },
    (error: unknown) => console.warn('The live class panel could not be loaded:', error),
  );
  return section;
}
