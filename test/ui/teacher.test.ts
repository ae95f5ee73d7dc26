// @vitest-environment happy-dom
// The teacher page: pasted lines become verified results, bad ones keep their reason, names stay
// text, the CSV cannot run formulas, and the page remembers its list.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { GAME_VERSION, resultCodeFor } from '../../src/core/codes';
import { compareApproaches } from '../../src/core/compare';
import { runToEnd } from '../../src/core/strategies';
import type { Level } from '../../src/core/level/level';
import { parseGameParams } from '../../src/core/params';
import { PARTIES } from '../../src/core/parties';
import { seatsFor } from '../../src/core/rules';
import type { Catalog } from '../../src/levels';
import { classLinks } from '../../src/ui/teacher/classLink';
import { mountTeacher } from '../../src/ui/teacher/page';
import { STORAGE_KEY, loadStore, saveStore } from '../../src/ui/teacher/store';
import {
  MAX_LINES,
  buildEntries,
  cachedVerifier,
  classStats,
  csvCell,
  parseCodeLines,
  toCsv,
} from '../../src/ui/teacherData';
import { LEVELS_DIR } from '../../src/node/levels';
import { chooser, loadOrThrow, mini, playGame } from '../core/helpers';

const main = loadOrThrow(`${LEVELS_DIR}/coalition-2025.json`);
const catalog: Catalog = {
  levels: new Map<string, Level>([
    [main.id, main],
    [mini().id, mini()],
  ]),
  problems: [],
};

const SEED = 'BCDF2345';
const codeFor = (role: (typeof PARTIES)[number], choices: number[], name?: string) => {
  const { game } = playGame(
    main,
    { seed: SEED, seats: seatsFor([role]), difficulty: 'normal' },
    chooser(choices),
  );
  return resultCodeFor(main, game, name);
};
const tamper = (code: string) => {
  const i = Math.floor(code.length / 2);
  return code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
};

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}

describe('CSV', () => {
  test.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['a,b', '"a,b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['Ada', 'Ada'],
    [' padded', '" padded"'],
  ])('csvCell(%j) is %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test('numbers stay numbers and null is empty', () => {
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });
});

describe('pasted lines', () => {
  test('read names, codes and replay links; skip blanks and comments; cap names', () => {
    const text = [
      '# period 3',
      '',
      'Ada Lovelace: 1.abc.def',
      '1.ghi.jkl',
      `${'x'.repeat(60)}: 1.mno.pqr`,
      'Bo: https://example.org/?replay=1.stu.vwx&x=1',
      'Cy:Dee: 1.yz.012',
    ].join('\r\n');
    const { lines, dropped } = parseCodeLines(text);
    expect(dropped).toBe(0);
    expect(lines.map((l) => [l.line, l.name, l.code])).toEqual([
      [3, 'Ada Lovelace', '1.abc.def'],
      [4, null, '1.ghi.jkl'],
      [5, 'x'.repeat(40), '1.mno.pqr'],
      [6, 'Bo', '1.stu.vwx'],
      [7, 'Cy:Dee', '1.yz.012'],
    ]);
  });

  test(`hold at most ${MAX_LINES} lines`, () => {
    const { lines, dropped } = parseCodeLines(
      Array(MAX_LINES + 5)
        .fill('1.a.b')
        .join('\n'),
    );
    expect(lines).toHaveLength(MAX_LINES);
    expect(dropped).toBe(5);
  });
});

describe('class data', () => {
  test('stored settings survive a round trip; garbage falls back to defaults', () => {
    const ids = [...catalog.levels.keys()];
    const { store, corrupt } = loadStore(null, ids, () => 'KKKKKKKK');
    expect(corrupt).toBe(false);
    expect(store.settings).toMatchObject({ level: main.id, seed: 'KKKKKKKK', timer: 0 });
    const changed = {
      settings: { ...store.settings, seating: 'rotate' as const, timer: 5 },
      codes: 'x',
    };
    expect(loadStore(saveStore(changed), ids, () => 'ZZZZ')).toEqual({
      store: changed,
      corrupt: false,
    });
    const bad = JSON.stringify({
      version: 1,
      settings: { level: '<b>', seed: 'aeiou', role: 'nato', timer: 1e9, seating: 7 },
      codes: 12,
    });
    expect(loadStore(bad, ids, () => 'ZZZZ')).toEqual({
      corrupt: true,
      store: {
        settings: {
          level: main.id,
          seed: 'ZZZZ',
          difficulty: 'normal',
          seating: 'same',
          role: 'ukraine',
          timer: 60,
        },
        codes: '',
      },
    });
    expect(loadStore('{not json', ids, () => 'ZZZZ')).toMatchObject({
      corrupt: true,
      store: { settings: { seed: 'ZZZZ' } },
    });
  });

  test('rotating seats gives one link per group, each opening its seat, with no timer (#14)', () => {
    const settings = loadStore(null, [main.id], () => SEED).store.settings;
    const links = classLinks('https://example.org/', { ...settings, seating: 'rotate', timer: 4 });
    expect(links.map((l) => l.group)).toEqual([1, 2, 3, 4]);
    links.forEach((link, k) => {
      const query = new URL(link.url).searchParams;
      const { params, notices } = parseGameParams((n) => query.get(n), {
        knownLevels: [main.id],
        version: GAME_VERSION,
        dailySeed: 'BCDF',
      });
      expect(notices).toEqual([]);
      expect(params).toMatchObject({ level: main.id, seed: SEED, role: PARTIES[k], mode: 'solo' });
      expect(query.has('timer')).toBe(false);
      expect(query.get('v')).toBe(GAME_VERSION);
    });
    expect(classLinks('https://example.org/', settings)).toHaveLength(1);
  });

  test('statistics count each game once and the CSV has a row per line', () => {
    const a = codeFor('ukraine', [1, 2, 3], 'Ada');
    const b = codeFor('russia', [4, 5, 6]);
    const text = [`Ada: ${a}`, `=cmd|' /C calc'!A0: ${b}`, tamper(a), `Again: ${a}`].join('\n');
    const entries = buildEntries(parseCodeLines(text), cachedVerifier(catalog.levels));
    expect(entries.map((e) => e.result.ok)).toEqual([true, true, false, true]);
    expect(entries[3]!.duplicateOf).toBe(1);
    const stats = classStats(entries, main);
    expect(stats).toMatchObject({ verified: 3, refused: 1, duplicates: 1, counted: 2 });
    expect(stats.seatScores.ukraine.n).toBe(1);
    expect(stats.seatScores.russia.n).toBe(1);
    expect(stats.seatScores.us.mean).toBeNull();
    const csv = toCsv(entries);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows).toHaveLength(5);
    expect(rows[2]).toMatch(/^2,'=cmd\|' \/C calc'!A0,yes,/);
    expect(rows[3]).toMatch(/^3,,no,the code does not check out/);
    expect(rows[0]).toContain(main.issues[0]!.name);
  });
});

describe('the page', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  const mount = (storage: Storage) => {
    const root = document.createElement('main');
    document.body.append(root);
    const page = mountTeacher(root, catalog, storage, { baseUrl: 'https://example.org/game/' });
    return { root, page };
  };

  test('shows a QR code and the class link, one per group when seats rotate', () => {
    const { root, page } = mount(new MemoryStorage());
    expect(root.querySelectorAll('.tc-link')).toHaveLength(1);
    expect(root.querySelector('svg.tc-qr path')?.getAttribute('d')).toMatch(/^M\d/);
    const url = root.querySelector<HTMLInputElement>('.tc-url')!.value;
    expect(url).toMatch(/^https:\/\/example\.org\/game\/\?level=coalition-2025&seed=[0-9A-Z]{8}&/);
    const rotate = root.querySelector<HTMLInputElement>('#tc-seating-rotate')!;
    rotate.checked = true;
    rotate.dispatchEvent(new Event('change'));
    expect(root.querySelectorAll('.tc-link')).toHaveLength(4);
    expect(root.querySelectorAll('svg.tc-qr')).toHaveLength(4);
    page.destroy();
  });

  test('verifies pasted codes, shows bad ones inline, keeps names as text and remembers the list', async () => {
    const storage = new MemoryStorage();
    const { root, page } = mount(storage);
    // The class plays the codes' seed: only games of the class's scenario count in the charts.
    const seed = root.querySelector<HTMLInputElement>('#tc-seed')!;
    seed.value = SEED;
    seed.dispatchEvent(new Event('input'));
    const a = codeFor('ukraine', [1, 2, 3]);
    const b = codeFor('us', [7, 1, 1]);
    const area = root.querySelector<HTMLTextAreaElement>('#tc-codes')!;
    area.value = [`<img src=x onerror=alert(1)>: ${a}`, `Bo: ${b}`, `Cy: ${tamper(b)}`].join('\n');
    area.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    const rows = [...root.querySelectorAll('.tc-table tbody tr')];
    expect(rows).toHaveLength(3);
    expect(rows[2]!.classList.contains('tc-refused')).toBe(true);
    expect(rows[2]!.textContent).toMatch(/Refused: .*\(checksum\)/);
    expect(root.querySelector('.tc-table img')).toBeNull();
    expect(rows[0]!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('.tc-summary')!.textContent).toBe('2 verified, 1 refused.');
    expect(root.querySelectorAll('.tc-chart')).toHaveLength(3);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({
      version: 1,
      codes: area.value,
    });

    // CSV export goes through a Blob download.
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    root.querySelector<HTMLButtonElement>('#tc-export')!.click();
    expect(blob).not.toBeNull();
    page.destroy();

    // A fresh page on the same storage has the same list and settings.
    const again = mount(storage);
    expect(again.root.querySelector<HTMLTextAreaElement>('#tc-codes')!.value).toBe(area.value);
    expect(again.root.querySelectorAll('.tc-table tbody tr')).toHaveLength(3);
    again.page.destroy();
  });

  test('beside the class means, shows what one person at the seat would score on the seed, by approach', async () => {
    const { root, page } = mount(new MemoryStorage());
    const seed = root.querySelector<HTMLInputElement>('#tc-seed')!;
    seed.value = SEED;
    seed.dispatchEvent(new Event('input'));
    const area = root.querySelector<HTMLTextAreaElement>('#tc-codes')!;
    area.value = `Ada: ${codeFor('ukraine', [1, 2, 3])}`;
    area.dispatchEvent(new Event('input'));
    const line = () => root.querySelector('.tc-yardsticks li')?.textContent ?? '';
    await vi.waitFor(() => expect(line()).toContain('Bargain steadily'), { timeout: 10_000 });
    const expected = runToEnd(
      compareApproaches(main, { seed: SEED, difficulty: 'normal' }, 'ukraine'),
    );
    expect(line()).toBe(
      `${main.parties.ukraine.spec.name}: ${expected.map((r) => `${r.name} ${r.score}`).join(' · ')}`,
    );
    // Only the seat the class played has a yardstick.
    expect(root.querySelectorAll('.tc-yardsticks li')).toHaveLength(1);
    page.destroy();
  });

  test('a bad seed hides the link until it is fixed', () => {
    const { root, page } = mount(new MemoryStorage());
    const seed = root.querySelector<HTMLInputElement>('#tc-seed')!;
    seed.value = 'hello!';
    seed.dispatchEvent(new Event('input'));
    expect(root.querySelector('#tc-seed-error')!.textContent).not.toBe('');
    expect(root.querySelector('.tc-link')).toBeNull();
    seed.value = 'k7f2q9xm';
    seed.dispatchEvent(new Event('input'));
    expect(root.querySelector<HTMLInputElement>('.tc-url')!.value).toContain('seed=K7F2Q9XM');
    page.destroy();
  });
});
