// The teacher's live class panel (issue 12): start a class, show its link and QR code, and watch
// every table as it happens: seats (person, computer, disconnected), phase and round, who the
// table waits for, the outcome, and results verified by replay, with a CSV export. Loaded only by
// dynamic import. Every name goes in as text.
import * as qrModule from 'qrcode';
import { verifyResult } from '../core/codes';
import { PARTIES, type Party } from '../core/parties';
import { OUTCOME_WORDS } from '../core/transcript';
import type { Catalog } from '../levels';
import { h } from '../ui/dom';
import { api, liveLink, messageOf } from './api';

const QR = (qrModule as typeof qrModule & { default?: typeof qrModule }).default ?? qrModule;
const KEY = 'redlines.live.teacher';

interface Saved {
  code: string;
  secret: string;
}

interface SeatRow {
  party: Party;
  occupant: 'person' | 'computer' | 'empty';
  name: string;
  connected: boolean;
  autopilot: boolean;
}
interface TableRow {
  id: string;
  index: number;
  seed: string;
  started: boolean;
  over: boolean;
  seats: SeatRow[];
  status: {
    phase: string;
    round: number;
    waitingFor: Party[];
    outcome: string;
    resultCode: string;
    stateHash: string;
  } | null;
}
interface ClassView {
  class: { code: string; level: string; paused: boolean; ended: boolean; tableSize: number };
  tables: TableRow[];
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function mountLiveClass(container: HTMLElement, catalog: Catalog): { destroy(): void } {
  let timer: ReturnType<typeof setInterval> | undefined;
  const status = h('p', { class: 'live-status', role: 'status' });
  const body = h('div');
  container.replaceChildren(h('h2', {}, 'Live class'), status, body);
  const say = (text: string) => (status.textContent = text);

  const saved = (): Saved | null => {
    try {
      const text = storage()?.getItem(KEY);
      return text ? (JSON.parse(text) as Saved) : null;
    } catch {
      return null;
    }
  };

  const showForm = () => {
    const level = h(
      'select',
      { 'aria-label': 'Level' },
      [...catalog.levels.values()].map((l) => h('option', { value: l.id }, l.spec.title)),
    );
    const seed = h('input', { type: 'text', maxlength: 16, placeholder: 'random' });
    const difficulty = h(
      'select',
      {},
      ['easy', 'normal', 'hard'].map((d) => h('option', { value: d, selected: d === 'normal' }, d)),
    );
    const size = h(
      'select',
      {},
      [2, 3, 4].map((n) => h('option', { value: n, selected: n === 4 }, String(n))),
    );
    const seconds = h('input', { type: 'number', min: 0, max: 3600, value: 0 });
    const form = h(
      'form',
      { class: 'live-class-form' },
      h('label', {}, 'Level ', level),
      h('label', {}, 'Seed ', seed),
      h('label', {}, 'Difficulty ', difficulty),
      h('label', {}, 'People per table ', size),
      h('label', {}, 'Seconds per phase (0: no limit) ', seconds),
      h('button', { type: 'submit' }, 'Start a live class'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      say('Starting the class…');
      api<Saved>('class', {
        level: level.value,
        ...(seed.value.trim() ? { seed: seed.value.trim().toUpperCase() } : {}),
        difficulty: difficulty.value,
        tableSize: Number(size.value),
        phaseSeconds: Number(seconds.value) || 0,
      })
        .then((made) => {
          storage()?.setItem(KEY, JSON.stringify({ code: made.code, secret: made.secret }));
          say('');
          showClass({ code: made.code, secret: made.secret });
        })
        .catch((err: unknown) => say(messageOf(err)));
    });
    body.replaceChildren(form);
  };

  const showClass = (cls: Saved) => {
    const link = liveLink(cls.code);
    const qr = h('div', { class: 'live-qr' });
    QR.toString(link, { type: 'svg', margin: 1 })
      .then((svg) => {
        const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
        qr.replaceChildren(doc.documentElement);
      })
      .catch(() => undefined);
    const tables = h('div', { class: 'live-tables' });
    let last: ClassView | null = null;
    const act = (action: unknown) =>
      api('class/' + cls.code + '/action', action, { 'x-teacher-secret': cls.secret })
        .then(refresh)
        .catch((e: unknown) => say(messageOf(e)));
    const csv = () => {
      if (!last) return;
      const rows = [['table', 'seat', 'name', 'outcome', 'score', 'verified', 'result code']];
      for (const t of last.tables) {
        const v = t.status?.resultCode ? verifyResult(t.status.resultCode, catalog.levels) : null;
        for (const s of t.seats)
          rows.push([
            String(t.index),
            s.party,
            s.name,
            v?.ok ? v.value.outcome : '',
            v?.ok ? String(v.value.scores[s.party]) : '',
            v ? (v.ok && v.value.stateHash === t.status?.stateHash ? 'yes' : 'no') : '',
            t.status?.resultCode ?? '',
          ]);
      }
      const text = rows
        .map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
        .join('\r\n');
      const a = h('a', {
        href: URL.createObjectURL(new Blob([text + '\r\n'], { type: 'text/csv' })),
        download: `live-class-${cls.code}.csv`,
      });
      a.click();
    };
    body.replaceChildren(
      h('p', {}, 'Students open this link (or scan the code) and type their name:'),
      h('p', { class: 'live-link' }, h('a', { href: link }, link)),
      qr,
      h(
        'p',
        { class: 'live-actions' },
        h(
          'button',
          { type: 'button', onclick: () => void act({ type: 'startAll' }) },
          'Start all tables',
        ),
        h('button', { type: 'button', onclick: () => void act({ type: 'pause' }) }, 'Pause all'),
        h('button', { type: 'button', onclick: () => void act({ type: 'resume' }) }, 'Resume all'),
        h('button', { type: 'button', onclick: csv }, 'Export CSV'),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              if (window.confirm('End the class for every table?'))
                void act({ type: 'end' }).then(() => storage()?.removeItem(KEY));
            },
          },
          'End the class',
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              storage()?.removeItem(KEY);
              clearInterval(timer);
              showForm();
            },
          },
          'New class',
        ),
      ),
      tables,
    );
    const refresh = async () => {
      try {
        const view = await api<ClassView>(`class/${cls.code}`, undefined, {
          'x-teacher-secret': cls.secret,
        });
        last = view;
        say(
          view.class.ended
            ? 'This class has ended.'
            : view.class.paused
              ? 'All tables are paused.'
              : '',
        );
        tables.replaceChildren(...view.tables.map((t) => tableCard(t, view, act)));
      } catch (e) {
        say(messageOf(e));
      }
    };
    void refresh();
    clearInterval(timer);
    timer = setInterval(() => void refresh(), 2000);
  };

  const tableCard = (t: TableRow, view: ClassView, act: (a: unknown) => Promise<unknown>) => {
    const level = catalog.levels.get(view.class.level);
    const name = (p: Party) => level?.parties[p].spec.name ?? p;
    const s = t.status;
    const verified = s?.resultCode ? verifyResult(s.resultCode, catalog.levels) : null;
    const freeSeats = view.tables.flatMap((o) =>
      o.id !== t.id && !o.started
        ? o.seats.filter((x) => x.occupant === 'empty').map((x) => ({ table: o, party: x.party }))
        : [],
    );
    return h(
      'section',
      { class: 'live-table', 'data-table': t.id },
      h('h3', {}, `Table ${t.index}`),
      h(
        'p',
        {},
        !t.started
          ? 'Waiting to start.'
          : t.over && s?.outcome
            ? `Over: ${OUTCOME_WORDS[s.outcome as keyof typeof OUTCOME_WORDS] ?? s.outcome}.`
            : t.over
              ? 'Ended.'
              : `Round ${s?.round ?? 1}, ${s?.phase ?? ''}. Waiting for: ${(s?.waitingFor ?? []).map(name).join(', ') || 'the computers'}.`,
      ),
      h(
        'ul',
        {},
        t.seats.map((seat) =>
          h(
            'li',
            {},
            `${name(seat.party)}: ${
              seat.occupant === 'computer'
                ? 'computer'
                : seat.occupant === 'empty'
                  ? 'free seat'
                  : `${seat.name}${seat.autopilot ? ' (computer plays for them)' : seat.connected ? '' : ' (disconnected)'}`
            } `,
            seat.occupant !== 'computer' &&
              !seat.autopilot &&
              !t.over &&
              (!seat.connected || seat.occupant === 'empty')
              ? h(
                  'button',
                  {
                    type: 'button',
                    onclick: () =>
                      void act({ type: 'computer', seat: { table: t.id, party: seat.party } }),
                  },
                  'Computer plays this seat',
                )
              : null,
            seat.occupant === 'person' && !t.started && freeSeats.length > 0
              ? h(
                  'select',
                  {
                    'aria-label': `Move ${seat.name}`,
                    onchange: (e: Event) => {
                      const [table, party] = (e.target as HTMLSelectElement).value.split('|');
                      if (table && party)
                        void act({
                          type: 'move',
                          from: { table: t.id, party: seat.party },
                          to: { table, party },
                        });
                    },
                  },
                  h('option', { value: '' }, 'Move to…'),
                  freeSeats.map((f) =>
                    h(
                      'option',
                      { value: `${f.table.id}|${f.party}` },
                      `Table ${f.table.index}, ${name(f.party)}`,
                    ),
                  ),
                )
              : null,
          ),
        ),
      ),
      !t.started && !t.over
        ? h(
            'button',
            { type: 'button', onclick: () => void act({ type: 'start', table: t.id }) },
            'Start this table',
          )
        : null,
      verified
        ? h(
            'p',
            { class: 'live-verified' },
            verified.ok && verified.value.stateHash === s?.stateHash
              ? `Verified by replay: ${PARTIES.map((p) => `${name(p)} ${verified.value.scores[p]}`).join(', ')}.`
              : 'The result of this table did not verify.',
          )
        : null,
    );
  };

  const existing = saved();
  if (existing) showClass(existing);
  else showForm();
  return {
    destroy() {
      clearInterval(timer);
      container.replaceChildren();
    },
  };
}
