// The "Live class" slot. Another module (src/live/teacherPanel.ts, `mountLiveClass(container)`)
// may fill it; until that module exists the section stays empty and hidden. `import.meta.glob`
// finds the module only if the file is there, so nothing here imports a file that does not exist,
// and the panel, when it comes, is a chunk of its own loaded only on the teacher page.
import { h } from '../dom';

interface LivePanelModule {
  mountLiveClass(container: HTMLElement): unknown;
}

const PANELS = import.meta.glob<LivePanelModule>('../../live/teacherPanel.ts');

export function liveClassSection(): HTMLElement {
  const section = h('section', {
    class: 'tc-live',
    id: 'tc-live-class',
    'aria-label': 'Live class',
    hidden: true,
  });
  const load = Object.values(PANELS)[0];
  if (load)
    load().then(
      (panel) => {
        section.hidden = false;
        panel.mountLiveClass(section);
      },
      (error: unknown) => console.warn('The live class panel could not be loaded:', error),
    );
  return section;
}
