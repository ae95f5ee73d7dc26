// Issue #14, defect 2: a browser that blocks site data makes the storage getters throw a
// SecurityError. The teacher page must still work, in memory, and say once that nothing is saved.
import { expect, test } from 'vitest';
import { resultCodeFor } from '../../src/core/codes';
import { playComputerGame } from '../../src/core/moves';
import { loadLevel } from '../../src/node/levels';
import { ARTIFACTS, browserSuite } from './harness';

const suite = browserSuite();

function codeFor(seed: string): string {
  const loaded = loadLevel('coalition-2025');
  if (!loaded.ok) throw new Error('level failed to load');
  return resultCodeFor(
    loaded.value,
    playComputerGame(loaded.value, { seed, difficulty: 'normal' }),
  );
}

/** Runs before any script of the page: both storages throw, as with cookies blocked. */
const BLOCK_STORAGE = `
for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() {
      throw new DOMException("Failed to read the '" + name + "' property from 'Window': Access is denied for this document.", 'SecurityError');
    },
  });
}`;

test('the teacher page works in memory and says once that nothing is saved when site data is blocked (#14)', async () => {
  const context = await suite.browser().newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(BLOCK_STORAGE);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${suite.url()}?mode=teacher`);
  expect(
    await page.evaluate(() => {
      try {
        return typeof window.localStorage;
      } catch (e) {
        return (e as DOMException).name;
      }
    }),
  ).toBe('SecurityError');

  // The page is there, with its link, and says that nothing will be saved.
  await page.waitForSelector('#tc-codes');
  expect(await page.locator('.tc-url').first().inputValue()).toMatch(/[?&]seed=[0-9A-Z]{8}/);
  const notice = page.locator('.tc-note', { hasText: 'nothing on this page will be saved' });
  expect(await notice.count()).toBe(1);

  // It still verifies codes, and every change leaves that single notice as it is.
  const code = codeFor('TCHR2345');
  await page.fill('#tc-codes', `Ada: ${code}`);
  await page.waitForSelector('.tc-table tbody tr');
  await page.selectOption('#tc-difficulty', 'hard');
  await page.click('#tc-seating-rotate');
  await page.click('#tc-new-seed');
  await page.fill('#tc-codes', `Ada: ${code}\nBen: ${code}`);
  await page.waitForFunction(() => document.querySelectorAll('.tc-table tbody tr').length === 2);
  expect(await page.locator('.tc-summary').innerText()).toBe('2 verified, 0 refused, 1 repeated.');
  expect(await page.locator('.tc-link').count()).toBe(4);
  expect(await page.locator('.tc-note').count()).toBe(1);
  expect(await notice.count()).toBe(1);
  await page.screenshot({ path: `${ARTIFACTS}/teacher-storage-blocked.png`, fullPage: true });
  expect(errors).toEqual([]);
});
