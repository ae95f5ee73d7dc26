// Level files are written pretty-printed for their authors; the game only parses them. The
// browser gets each `levels/*.json?raw` without the whitespace (about 2.4 KB gzip of the first
// load). A file that is not valid JSON is left as it is, so the page reports it the way
// `levels:check` does.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const LEVEL_RAW = /[\\/]levels[\\/][^\\/]+\.json\?raw$/;

export function compactLevels(): Plugin {
  return {
    name: 'red-lines:compact-levels',
    enforce: 'pre',
    load(id) {
      if (!LEVEL_RAW.test(id)) return null;
      const text = readFileSync(id.slice(0, -'?raw'.length), 'utf8');
      try {
        return `export default ${JSON.stringify(JSON.stringify(JSON.parse(text)))};`;
      } catch {
        return null;
      }
    },
  };
}
