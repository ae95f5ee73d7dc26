// npm run levels:schema: writes levels/schema.json for editors (completion and checking). It takes
// no arguments; any argument exits 2 naming it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelJsonSchemaText } from '../core/level/json-schema';
import { LEVELS_DIR } from '../node/levels';
import { ArgError, parseCommandLine } from './args';

try {
  parseCommandLine({ args: process.argv.slice(2), options: {} });
} catch (e) {
  if (!(e instanceof ArgError)) throw e;
  console.error(`levels:schema: ${e.message}\nusage: npm run levels:schema`);
  process.exit(2);
}
writeFileSync(join(LEVELS_DIR, 'schema.json'), levelJsonSchemaText());
console.log('wrote levels/schema.json');
