// Issue 12 in Chromium: a teacher starts a live class, four students on their own browser
// contexts join from the class link, play one table to the debrief through the page's controls,
// and the teacher's page shows the table's outcome, verified by replay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { verifyResult } from '../../src/core/codes';
import { replayMoves, waitingFor } from '../../src/core/moves';
import { computerProposal } from '../../src/core/negotiator';
import type { GameState } from '../../src/core/state';
import { startLiveServer } from '../../server/app';
import { loadLevels } from '../../server/context';
import { ARTIFACTS, browserSuite, openPage, type Watched } from './harness';

const suite = browserSuite();
const dir = mkdtempSync(join(tmpdir(), 'redlines-live-e2e-'));
let live: Awaited<ReturnType<typeof startLiveServer>>;

beforeAll(async () => {
  // The live server this test talks to: its own port and database, stopped afterwards.
  live = await startLiveServer({
    port: 0,
    host: '127.0.0.1',
    dbFile: join(dir, 'live.sqlite'),
    config: { computerDelayMs: 0 },
  });
});
afterAll(async () => {
  await live?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Step = 'debrief' | 'acted' | 'waiting';

/** What a student's page offers now, read in one round trip. */
const controlsOf = (page: Page) =>
  page.evaluate(() => {
    if (
      [...document.querySelectorAll('.live h2')].some((e) => e.textContent?.startsWith('Debrief'))
    )
      return { panel: 'debrief', mayAccept: false };
    const panel = document.querySelector('.live-controls h2')?.textContent ?? '';
    const accept = [...document.querySelectorAll<HTMLButtonElement>('.live-controls button')].find(
      (b) => b.textContent === 'Accept',
    );
    return { panel, mayAccept: accept !== undefined && !accept.disabled };
  });

/**
 * One decision through the live table's visible controls, when this seat has one, as a student
 * who means to agree: table the package the computer would (chosen in the form), accept what may
 * be accepted (else reject), make the first side move offered.
 */
async function step(page: Page, tableId: string): Promise<Step> {
  const { panel, mayAccept } = await controlsOf(page);
  if (panel === 'debrief') return 'debrief';
  const controls = page.locator('.live-controls');
  // The page redraws on every update, so a control may be replaced under the click: try again.
  const click = (name: string) =>
    controls
      .getByRole('button', { name, exact: true })
      .click({ timeout: 2000 })
      .then(
        () => 'acted' as const,
        () => 'waiting' as const,
      );
  if (panel === 'Your answer') return click(mayAccept ? 'Accept' : 'Reject');
  if (panel === 'Your side move') return click('Make the move');
  if (panel !== 'Your proposal') return 'waiting';
  const game = await gameAt(tableId);
  const party = waitingFor(game)[0]!;
  const { package: pkg } = computerProposal(level, game, party);
  for (const [i, issue] of level.issues.entries())
    await controls.getByLabel(issue.name, { exact: true }).selectOption(String(pkg[i]));
  return click('Put it on the table');
}

const levels = loadLevels();
const level = levels.get('coalition-2025')!;

/** The table's game as the server stored it: its seed and its moves, replayed in the core. */
async function gameAt(tableId: string): Promise<GameState> {
  const record = (await live.store.getTable(tableId))!;
  const setup = { seed: record.seed, seats: record.seats!, difficulty: record.difficulty };
  const replayed = replayMoves(level, setup, await live.store.moves(tableId));
  if (!replayed.ok) throw new Error(replayed.error.message);
  return replayed.value;
}

test('a teacher and four students play a live table to the debrief; the teacher sees the verified result', async () => {
  const server = `http://127.0.0.1:${live.port}`;
  const teacher = await openPage(suite.browser());
  await teacher.page.goto(`${suite.url()}?mode=teacher&server=${encodeURIComponent(server)}`);
  const form = teacher.page.locator('form.live-class-form');
  await form.waitFor();
  await form.getByLabel('Level').selectOption('coalition-2025');
  await form.getByLabel('Seed').fill('LVPQ2345');
  await form.getByRole('button', { name: 'Start a live class' }).click();
  const linkText = await teacher.page.locator('.live-link a').innerText();
  const link = new URL(linkText);
  const code = link.searchParams.get('live') ?? '';
  expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ2-9]{6}$/);
  // The link carries the live server, so a student's page reaches the same one.
  expect(link.searchParams.get('server')).toBe(server);

  const names = ['Ana', 'Bohdan', 'Chloe', 'Dmytro'];
  const students: Watched[] = [];
  for (const name of names) {
    const student = await openPage(suite.browser(), 900, 700);
    await student.page.goto(linkText);
    await student.page.getByLabel('Your name').fill(name);
    await student.page.getByRole('button', { name: 'Join the table' }).click();
    await student.page.getByText('Waiting for the teacher to start the table').waitFor();
    students.push(student);
  }
  // A class table is the teacher's to start: students get no start button of their own.
  expect(await students[0]!.page.getByRole('button', { name: /Start now/ }).count()).toBe(0);

  const table = teacher.page.locator('.live-table').first();
  for (const name of names) await table.getByText(name).waitFor();
  const tableId = (await table.getAttribute('data-table'))!;
  await table.getByRole('button', { name: 'Start this table' }).click();
  await students[0]!.page.getByRole('heading', { name: 'Your briefing' }).waitFor();
  await students[0]!.page.screenshot({ path: `${ARTIFACTS}/live-table.png`, fullPage: true });

  // Every student acts when their seat is due, until all four see the debrief.
  const started = Date.now();
  const done = new Set<number>();
  let moves = 0;
  while (done.size < students.length) {
    expect(Date.now() - started, 'the table should finish within a minute').toBeLessThan(60_000);
    let acted = false;
    for (const [k, student] of students.entries()) {
      if (done.has(k)) continue;
      const result = await step(student.page, tableId);
      if (result === 'debrief') done.add(k);
      if (result === 'acted') {
        acted = true;
        moves++;
      }
    }
    if (!acted) await new Promise((r) => setTimeout(r, 100));
  }
  expect(moves).toBeGreaterThanOrEqual(4);
  await students[0]!.page.screenshot({ path: `${ARTIFACTS}/live-debrief.png`, fullPage: true });

  // The student's own result code verifies, and it is the same game the server kept.
  const studentCode = await students[0]!.page.getByLabel('Result code').inputValue();
  const verified = verifyResult(studentCode, levels);
  expect(verified.ok).toBe(true);
  const stored = (await live.store.tablesOf(code))[0]!;
  expect(stored.over).toBe(true);
  if (verified.ok) expect(verified.value.stateHash).toBe(stored.status?.stateHash);

  // The teacher's page shows the outcome and the result, verified by replay.
  await table.getByText(/^Over: /).waitFor({ timeout: 10_000 });
  await table.locator('.live-verified', { hasText: 'Verified by replay' }).waitFor();
  await teacher.page.screenshot({ path: `${ARTIFACTS}/live-teacher.png`, fullPage: true });
  for (const name of names) expect(await table.innerText()).toContain(name);

  for (const watched of [teacher, ...students]) {
    expect(watched.errors).toEqual([]);
    expect(watched.dialogs).toEqual([]);
  }
});
