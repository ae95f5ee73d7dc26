// npm run levels:schema: writes levels/schema.json for editors (completion and checking).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { levelJsonSchemaText } from '../core/level/json-schema';
import { LEVELS_DIR } from '../node/levels';

writeFileSync(join(LEVELS_DIR, 'schema.json'), levelJsonSchemaText());
console.log('wrote levels/schema.json');
