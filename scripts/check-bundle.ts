// Fails when the JavaScript a first visit downloads exceeds the budget (gzip), after `vite build`,
// or when a part that not every player needs at first paint is pulled into the first load.
import { bundleReport } from './bundle-size';

/** Issue 13's target for first-load JavaScript, in gzip KB. */
const BUDGET_KB = 120;

/**
 * Loaded only when used (src/main.ts, src/app/shell.ts, src/ui/teacher/page.ts): each must stay a
 * chunk of its own, outside the first load. Phaser (its own chunk, `phaser`) comes with the view.
 */
const LAZY_SOURCES = [
  'src/view/game.ts',
  'src/app/debrief.ts',
  'src/app/replayViewer.ts',
  'src/ui/printCards.ts',
  'src/ui/teacher/page.ts',
  'src/live/table.ts',
];

const { firstLoadKb, chunks } = bundleReport('dist');
console.log(JSON.stringify({ budgetKb: BUDGET_KB, firstLoadKb, chunks }, null, 2));
const problems: string[] = [];
if (firstLoadKb > BUDGET_KB)
  problems.push(`first-load JavaScript is ${firstLoadKb} KB gzip, over the ${BUDGET_KB} KB budget`);
const phaser = chunks.filter((c) => c.name === 'phaser');
if (phaser.length !== 1) problems.push(`expected one Phaser chunk, found ${phaser.length}`);
for (const c of phaser)
  if (c.firstLoad) problems.push(`the Phaser chunk ${c.file} is part of the first load`);
for (const src of LAZY_SOURCES) {
  const chunk = chunks.find((c) => c.src === src);
  if (!chunk) problems.push(`${src} is no chunk of its own (is it imported statically?)`);
  else if (chunk.firstLoad) problems.push(`${src} (${chunk.file}) is part of the first load`);
}
for (const problem of problems) console.error(problem);
if (problems.length > 0) process.exit(1);
