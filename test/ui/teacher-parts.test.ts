// @vitest-environment happy-dom
// The teacher page's parts: the timer model, re-renders that keep the focus, storage notices said
// once, the class link without `timer=`, and the empty "Live class" slot.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Level } from '../../src/core/level/level';
import type { Catalog } from '../../src/levels';
import { h } from '../../src/ui/dom';
import { mountTeacher } from '../../src/ui/teacher/page';
import { mountPart, sameProps } from '../../src/ui/teacher/part';
import { CORRUPT_KEY, STORAGE_KEY } from '../../src/ui/teacher/store';
import { clock, timerLength, timerReset, timerTick, timerToggle } from '../../src/ui/teacher/timer';
import { mini } from '../core/helpers';

const catalog: Catalog = { levels: new Map<string, Level>([[mini().id, mini()]]), problems: [] };

describe('the round timer', () => {
  test('starts, pauses, runs out and starts again from its length', () => {
    let t = timerReset(1);
    expect(clock(t.left)).toBe('1:00');
    t = timerToggle(t, 1, 0);
    expect(t.end).toBe(60_000);
    t = timerToggle(t, 1, 15_000);
    expect(t).toMatchObject({ end: null, left: 45_000, status: 'Paused with 0:45 left.' });
    t = timerToggle(t, 1, 20_000);
    expect(timerTick(t, 64_000)).toBe(t);
    t = timerTick(t, 65_000);
    expect(t).toMatchObject({ left: 0, end: null, done: true });
    t = timerToggle(t, 1, 70_000);
    expect(t).toMatchObject({ end: 130_000, done: false });
    expect(timerLength(timerReset(10), 2).left).toBe(120_000);
  });
});

describe('parts', () => {
  afterEach(() => document.body.replaceChildren());

  test('compare props by value and re-render only when they change, keeping focus and caret', () => {
    expect(sameProps({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameProps({ a: [1] }, { a: [1, 2] })).toBe(false);
    const render = vi.fn((props: { text: string }) =>
      h('div', {}, h('input', { id: 'p-input', value: props.text })),
    );
    const part = mountPart(render, { text: 'abc' }, {});
    document.body.append(part.el);
    const input = document.getElementById('p-input') as HTMLInputElement;
    input.focus();
    input.setSelectionRange(1, 2);
    part.update({ text: 'abc' });
    expect(render).toHaveBeenCalledTimes(1);
    part.update({ text: 'abcd' });
    expect(render).toHaveBeenCalledTimes(2);
    const again = document.getElementById('p-input') as HTMLInputElement;
    expect(again).not.toBe(input);
    expect(document.activeElement).toBe(again);
    expect([again.selectionStart, again.selectionEnd]).toEqual([1, 2]);
  });
});

describe('the page', () => {
  afterEach(() => {
    document.body.replaceChildren();
    vi.useRealTimers();
  });

  const mount = (storage: Storage | null) => {
    const root = document.createElement('main');
    document.body.append(root);
    const page = mountTeacher(root, catalog, storage, { baseUrl: 'https://example.org/' });
    return { root, page };
  };
  const notes = (root: HTMLElement) =>
    [...root.querySelectorAll('.tc-note')].map((n) => n.textContent);

  test('with storage blocked it works and says once that nothing will be saved (#14)', () => {
    const { root, page } = mount(null);
    expect(notes(root)).toEqual([expect.stringContaining('nothing on this page will be saved')]);
    const seed = root.querySelector<HTMLInputElement>('#tc-seed')!;
    for (const text of ['BCDF', 'BCDF2345', 'hello!', 'K7F2Q9XM']) {
      root.querySelector<HTMLInputElement>('#tc-seed')!.value = text;
      root.querySelector('#tc-seed')!.dispatchEvent(new Event('input'));
    }
    expect(seed.isConnected).toBe(false); // the form was rendered again …
    expect(root.querySelector<HTMLInputElement>('.tc-url')!.value).toContain('seed=K7F2Q9XM');
    expect(notes(root)).toHaveLength(1); // … and the notice is still said once
    page.destroy();
  });

  test('a full quota is one notice, however many changes follow (#14)', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const { root, page } = mount(storage);
    const area = root.querySelector<HTMLTextAreaElement>('#tc-codes')!;
    for (let i = 0; i < 12; i++) {
      area.value += `x${i}\n`;
      area.dispatchEvent(new Event('input'));
    }
    expect(notes(root)).toEqual([expect.stringContaining('storage is full')]);
    page.destroy();
  });

  test('a corrupt store is kept under another key and the page says so (#14)', () => {
    const data = new Map([[STORAGE_KEY, '{"version":1,"codes":"Ada: 1.x"']]);
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    } as unknown as Storage;
    const { root, page } = mount(storage);
    expect(data.get(CORRUPT_KEY)).toBe('{"version":1,"codes":"Ada: 1.x"');
    expect(notes(root)).toEqual([expect.stringContaining(CORRUPT_KEY)]);
    expect(JSON.parse(data.get(STORAGE_KEY)!)).toMatchObject({ version: 1 });
    page.destroy();
  });

  test('the class link has no timer, the timer ticks without replacing its buttons', () => {
    vi.useFakeTimers();
    const { root, page } = mount(null);
    const minutes = root.querySelector<HTMLInputElement>('#tc-timer')!;
    minutes.value = '2';
    minutes.dispatchEvent(new Event('change'));
    expect(root.querySelector<HTMLInputElement>('.tc-url')!.value).not.toContain('timer');
    expect(root.querySelector<HTMLElement>('.tc-timer')!.hidden).toBe(false);
    root.querySelector<HTMLButtonElement>('#tc-timer-start')!.click();
    const pause = root.querySelector<HTMLButtonElement>('#tc-timer-start')!;
    expect(pause.textContent).toBe('Pause');
    vi.advanceTimersByTime(5_000);
    expect(root.querySelector('.tc-clock')!.textContent).toBe('1:55');
    expect(root.querySelector('#tc-timer-start')).toBe(pause);
    vi.advanceTimersByTime(120_000);
    expect(root.querySelector('.tc-clock')!.textContent).toBe('Time is up');
    expect(root.querySelector('.tc-timer')!.classList.contains('tc-done')).toBe(true);
    page.destroy();
  });

  test('leaves an empty, hidden "Live class" section for the live panel', () => {
    const { root, page } = mount(null);
    const live = root.querySelector<HTMLElement>('section#tc-live-class')!;
    expect(live.getAttribute('aria-label')).toBe('Live class');
    expect(live.hidden).toBe(true);
    expect(live.childElementCount).toBe(0);
    page.destroy();
  });
});
