// Issue 14: a 400,000-character pasted line used to freeze the teacher page for 6–10 s, and again
// on every reload because the list is kept. Now the line is refused unread and the page stays
// responsive, before and after a reload.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSuite, openPage } from './harness';

const suite = browserSuite();

/** Starts recording long tasks (main-thread work over 50 ms) in the page. */
const watchLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    // From now on only: loading the page itself is not what is measured.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
    }).observe({ type: 'longtask' });
  });
const longestTask = (page: Page) =>
  page.evaluate(() => (window as unknown as { longest: number }).longest);

test('a 400,000-character pasted line is refused without freezing the teacher page (#14)', async () => {
  const { page, errors } = await openPage(suite.browser());
  await page.goto(`${suite.url()}?mode=teacher`);
  await page.waitForSelector('#tc-codes');
  await watchLongTasks(page);
  const start = Date.now();
  await page.evaluate(() => {
    const area = document.querySelector<HTMLTextAreaElement>('#tc-codes')!;
    // "http://" over and over, with no "replay=": the old regex tried every start against every end.
    area.value = `Ada: ${'http://'.repeat(60_000)}`.slice(0, 400_000);
    area.dispatchEvent(new Event('input'));
  });
  await page.waitForSelector('tr.tc-refused', { timeout: 10_000 });
  // Generous: the check that matters is the longest task below (it was 6–10 s).
  expect(Date.now() - start).toBeLessThan(6000);
  expect(await page.locator('tr.tc-refused').innerText()).toMatch(/more than 6000 characters/);
  expect(await longestTask(page)).toBeLessThan(1000);

  // The list is kept: a reload reads it again and shows the refusal (it used to freeze again).
  const reloaded = Date.now();
  await page.reload();
  await page.waitForSelector('tr.tc-refused', { timeout: 10_000 });
  expect(Date.now() - reloaded).toBeLessThan(6000);
  expect(errors).toEqual([]);
});
