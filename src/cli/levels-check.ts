// npm run levels:check [-- files...]: validates level files; exit 1 on any error.
import { formatLevelError } from '../core/level/parse';
import { relative } from 'node:path';
import { checkLevelFile, levelFiles } from '../node/levels';

const files = process.argv.slice(2).filter((a) => a !== '--');
const targets = files.length > 0 ? files : levelFiles();
let failed = 0;
for (const file of targets) {
  const result = checkLevelFile(file);
  if (result.ok) {
    const level = result.value;
    console.log(
      `ok ${relative(process.cwd(), file) || file}: ${level.issues.length} issues, ${level.packageCount} packages, ${level.feasibleCount} cross no hard red line`,
    );
  } else {
    failed++;
    for (const error of result.error) console.log(formatLevelError(error));
  }
}
if (targets.length === 0) console.log('no level files found');
process.exit(failed > 0 ? 1 : 0);
