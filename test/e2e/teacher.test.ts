import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { resultCodeFor } from '../../src/core/codes';
import { playComputerGame } from '../../src/core/moves';
import { loadLevel } from '../../src/node/levels';
import { ARTIFACTS, browserSuite, openPage } from './harness';

const suite = browserSuite();

function codeFor(seed: string): string {
  const loaded = loadLevel('coalition-2025');
  if (!loaded.ok) throw new Error('level failed to load');
  const game = playComputerGame(loaded.value, { seed, difficulty: 'normal' });
  return resultCodeFor(loaded.value, game);
}

test('the teacher page verifies three codes, refuses the tampered one, and exports the CSV', async () => {
  const [a, b, c] = [codeFor('TCHR2345'), codeFor('TCHR6789'), codeFor('TCHRBCDF')];
  const middle = Math.floor(c.length / 2);
  const tampered = c.slice(0, middle) + (c[middle] === 'A' ? 'B' : 'A') + c.slice(middle + 1);
  const { page, errors, external } = await openPage(suite.browser());
  await page.goto(`${suite.url()}?mode=teacher`);
  await page.waitForSelector('#tc-codes');
  await page.fill('#tc-codes', `Ada: ${a}\nBen: ${b}\nCy: ${tampered}`);
  await page.waitForSelector('tr.tc-refused');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${ARTIFACTS}/teacher.png`, fullPage: true });
  const refused = page.locator('tr.tc-refused');
  expect(await refused.count()).toBe(1);
  expect(await refused.innerText()).toContain('Cy');
  expect(await refused.innerText()).toMatch(/checksum|malformed/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#tc-export')]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('Ada');
  expect(csv).toContain('Ben');
  expect(csv.split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThanOrEqual(3);
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
});
