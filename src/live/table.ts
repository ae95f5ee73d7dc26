// The live table page (`?live=CODE`, or `?live=new` for a private table among friends): join with
// a name, wait for the table, play your seat from its SeatView, and get the same debrief and
// result code as solo play. Names and every server text go in as text, never as HTML.
import { Client, type Room } from 'colyseus.js';
import { resultCodeFor } from '../core/codes';
import type { Level } from '../core/level/level';
import { replayMoves } from '../core/moves';
import { PARTIES, byParty, type Party } from '../core/parties';
import type { SeatView } from '../core/seatView';
import type { Move, SideMove } from '../core/state';
import { describeSideMove, outcomeWord } from '../core/transcript';
import type { Catalog } from '../levels';
import { h, paragraphs } from '../ui/dom';
import { api, liveLink, liveServerUrl, messageOf, UNREACHABLE } from './api';
import { applySeatMoves, applySeatUpdate, type SeatUpdate } from './seatUpdate';

interface SeatTicket {
  code: string;
  tableId: string;
  token: string;
  party: Party;
  name: string;
}

interface PublicSeat {
  party: string;
  occupant: string;
  name: string;
  connected: boolean;
}
interface PublicState {
  status: string;
  phase: string;
  round: number;
  paused: boolean;
  waitingFor: string[];
  deadlineAt: number;
  seats: Map<string, PublicSeat>;
}

/** What the server tells a client when it takes its seat. */
interface SeatMessage {
  level: string;
  seed: string;
  difficulty: string;
  moves: Move[];
  friends: boolean;
}

const KEY = (code: string) => `redlines.live.${code}`;

function readTicket(code: string): SeatTicket | null {
  try {
    const text = window.sessionStorage.getItem(KEY(code));
    return text ? (JSON.parse(text) as SeatTicket) : null;
  } catch {
    return null;
  }
}
function writeTicket(t: SeatTicket) {
  try {
    window.sessionStorage.setItem(KEY(t.code), JSON.stringify(t));
  } catch {
    /* the seat is then kept for this page only */
  }
}

export async function mountLiveTable(root: HTMLElement, catalog: Catalog, code: string) {
  document.body.dataset.screen = 'live';
  const status = h('p', { class: 'live-status', role: 'status' });
  const main = h('div', { class: 'live-main' });
  root.replaceChildren(
    h('div', { class: 'live' }, h('h1', {}, 'Red Lines: live table'), status, main),
  );
  const say = (text: string) => (status.textContent = text);

  if (code === 'new') {
    const params = new URLSearchParams(window.location.search);
    const levelId = params.get('level') ?? [...catalog.levels.keys()][0] ?? '';
    try {
      const made = await api<{ code: string }>('class', {
        level: levelId,
        friends: true,
        tableSize: 4,
      });
      window.history.replaceState(null, '', liveLink(made.code));
      code = made.code;
    } catch (e) {
      say(messageOf(e));
      return;
    }
  }
  if (!/^[BCDFGHJKLMNPQRSTVWXZ2-9]{6}$/.test(code)) {
    say('This live link is not complete: a class code has six letters and digits.');
    return;
  }
  const link = liveLink(code);
  const share = h('p', { class: 'live-share' }, 'Share this link: ', h('a', { href: link }, link));

  const ticket = readTicket(code);
  if (ticket) return play(ticket);

  const input = h('input', {
    type: 'text',
    maxlength: 40,
    autocomplete: 'nickname',
    required: true,
  });
  const form = h(
    'form',
    { class: 'live-join' },
    h('label', {}, 'Your name ', input),
    h('button', { type: 'submit' }, 'Join the table'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    say('Joining…');
    api<Omit<SeatTicket, 'code'>>('join', { code, name: input.value })
      .then((seat) => {
        const t = { ...seat, code };
        writeTicket(t);
        return play(t);
      })
      .catch((err: unknown) => say(messageOf(err)));
  });
  main.replaceChildren(share, form);
  say(`Class ${code}: type your name to take a seat.`);

  async function play(t: SeatTicket): Promise<void> {
    let room: Room;
    const client = new Client(liveServerUrl().replace(/^http/, 'ws'));
    const connect = async (): Promise<Room> => {
      try {
        return await client.joinById(t.tableId, { token: t.token });
      } catch {
        // Moved by the teacher, or the server restarted: ask where the seat is now.
        const seat = await api<{ tableId: string }>('seat', { code: t.code, token: t.token });
        t.tableId = seat.tableId;
        writeTicket(t);
        return client.joinById(t.tableId, { token: t.token });
      }
    };
    try {
      room = await connect();
    } catch (e) {
      say(
        e instanceof Error && /fetch|network|connect/i.test(e.message) ? UNREACHABLE : messageOf(e),
      );
      return;
    }
    const game = new LiveGame(main, say, t, catalog, share);
    const attach = (r: Room) => {
      room = r;
      game.room = r;
      game.onConnected();
      r.onMessage('seat', (m: SeatMessage) => game.onSeat(m));
      r.onMessage('update', (u: SeatUpdate) => game.onUpdate(u));
      r.onMessage('refused', (m: { message: string }) => game.onRefused(m.message));
      r.onMessage('ack', () => game.onAck());
      r.onStateChange((s: PublicState) => game.onState(s));
      r.onLeave((closeCode: number) => {
        if (closeCode === 4000 || game.over) return;
        say('The connection was lost. Reconnecting…');
        const retry = async (attempt: number): Promise<void> => {
          try {
            attach(await client.reconnect(room.reconnectionToken));
          } catch {
            try {
              attach(await connect());
            } catch {
              if (attempt === 0) say(UNREACHABLE + ' Retrying…');
              setTimeout(() => void retry(attempt + 1), Math.min(5000, 500 * (attempt + 1)));
            }
          }
        };
        void retry(0);
      });
      say('');
    };
    attach(room);
  }
}

class LiveGame {
  room: Room | null = null;
  over = false;
  private level: Level | null = null;
  private setup: { seed: string; difficulty: string } | null = null;
  private moves: Move[] = [];
  private view: SeatView | null = null;
  private pub: PublicState | null = null;
  private seq = Date.now() % 1_000_000;
  private refusal = '';
  private busy = false;
  /** A table among friends, which its people start; a class table waits for the teacher. */
  private friends = false;
  /** The package being built on this seat's turn to propose. */
  private draft: { key: string; values: number[] } | null = null;

  constructor(
    private readonly main: HTMLElement,
    private readonly say: (text: string) => void,
    private readonly ticket: SeatTicket,
    private readonly catalog: Catalog,
    private readonly share: HTMLElement,
  ) {}

  onSeat(m: SeatMessage) {
    this.friends = m.friends;
    this.level = this.catalog.levels.get(m.level) ?? null;
    this.setup = { seed: m.seed, difficulty: m.difficulty };
    this.moves = [...m.moves];
    if (!this.level) this.say('This table plays a level this version of the game does not have.');
    // The public state may have come first and been drawn without the level's party names.
    this.render();
  }
  /** A new connection is sent its whole view again. */
  onConnected() {
    this.view = null;
  }
  onUpdate(u: SeatUpdate) {
    this.moves = applySeatMoves(this.moves, u);
    this.view = applySeatUpdate(this.view, u);
    this.busy = false;
    this.render();
  }
  onState(s: PublicState) {
    this.pub = s;
    this.render();
  }
  onRefused(message: string) {
    this.busy = false;
    this.refusal = message;
    this.render();
  }
  onAck() {
    this.refusal = '';
  }

  private send(move: Move) {
    if (this.busy || !this.room) return;
    this.busy = true;
    this.refusal = '';
    this.room.send('move', { id: ++this.seq, move });
    this.render();
  }

  private name = (p: Party) => this.level?.parties[p].spec.name ?? p;

  private seatsList() {
    const seats = this.pub?.seats;
    return h(
      'ul',
      { class: 'live-seats' },
      PARTIES.map((p) => {
        const seat = seats?.get(p);
        const who =
          seat?.occupant === 'person'
            ? `${seat.name}${seat.connected ? '' : ' (disconnected)'}`
            : seat?.occupant === 'computer'
              ? 'computer'
              : 'free seat';
        return h('li', {}, `${this.name(p)}: ${who}${p === this.ticket.party ? ' (you)' : ''}`);
      }),
    );
  }

  private render() {
    const pub = this.pub;
    if (!pub) return;
    const you = `You are ${this.name(this.ticket.party)}, as ${this.ticket.name}.`;
    if (pub.status === 'waiting') {
      const start =
        this.friends && this.room && this.pub?.seats
          ? h(
              'button',
              {
                type: 'button',
                onclick: () => this.room?.send('start', {}),
              },
              'Start now (computers take the free seats)',
            )
          : null;
      this.main.replaceChildren(
        this.share,
        h('p', {}, you),
        h(
          'p',
          { class: 'live-wait' },
          this.friends
            ? 'Waiting for everyone to join, or for someone to start the table…'
            : 'Waiting for the teacher to start the table…',
        ),
        this.seatsList(),
        ...(start ? [start] : []),
      );
      return;
    }
    if (pub.status === 'ended') {
      this.main.replaceChildren(h('p', {}, 'The teacher has ended the class.'));
      return;
    }
    const v = this.view;
    const level = this.level;
    if (!v || !level) return;
    if (v.outcome) return this.debrief(v, level);
    const parts: (Node | null)[] = [
      h('p', {}, you),
      h(
        'p',
        { class: 'live-phase' },
        `Round ${v.round} of ${v.deadline}: ${v.phase === 'proposal' ? `${this.name(v.proposer)} proposes` : v.phase === 'responses' ? 'answers to the package' : 'side moves'}.`,
      ),
      pub.paused ? h('p', { class: 'live-paused' }, 'The teacher has paused the game.') : null,
      h(
        'p',
        {},
        v.waitingFor.length
          ? `Waiting for: ${v.waitingFor.map((p) => this.name(p)).join(', ')}.`
          : 'The computers are moving…',
      ),
      this.refusal ? h('p', { class: 'live-refusal', role: 'alert' }, this.refusal) : null,
    ];
    if (v.table)
      parts.push(
        h('h2', {}, `On the table, from ${this.name(v.table.proposer)}`),
        h(
          'ul',
          {},
          level.issues.map((issue, i) =>
            h('li', {}, `${issue.name}: ${issue.options[v.table!.package[i] ?? 0]?.name ?? ''}`),
          ),
        ),
      );
    const due = v.waitingFor.includes(v.seat) && !pub.paused;
    if (due) parts.push(this.controls(v, level));
    parts.push(
      h('h2', {}, 'Your briefing'),
      ...paragraphs(v.you.briefing),
      h(
        'ul',
        {},
        v.you.objectives.map((o) => h('li', {}, o)),
      ),
      h('h2', {}, 'The table'),
      this.seatsList(),
      h('h2', {}, 'What has happened'),
      h(
        'ol',
        { class: 'live-log' },
        v.log.slice(-12).map((e) => h('li', {}, e.text)),
      ),
    );
    this.main.replaceChildren(...parts.filter((p): p is Node => p !== null));
  }

  private controls(v: SeatView, level: Level): HTMLElement {
    const party = v.seat;
    if (v.phase === 'proposal') {
      // The page redraws on every update: the choices so far survive it until this turn ends.
      const key = `${v.round}|${v.proposer}`;
      if (this.draft?.key !== key)
        this.draft = {
          key,
          // As in solo play, the builder starts from the middle option of every issue.
          values: level.issues.map((issue) => Math.floor(issue.options.length / 2)),
        };
      const draft = this.draft;
      const selects = level.issues.map((issue, i) =>
        h(
          'select',
          {
            'aria-label': issue.name,
            onchange: (e: Event) => {
              draft.values[i] = Number((e.target as HTMLSelectElement).value);
            },
          },
          issue.options.map((o, k) =>
            h('option', { value: k, selected: draft.values[i] === k }, o.name),
          ),
        ),
      );
      return h(
        'form',
        {
          class: 'live-controls',
          onsubmit: (e: Event) => {
            e.preventDefault();
            this.send({ type: 'PROPOSE', party, package: selects.map((s) => Number(s.value)) });
          },
        },
        h('h2', {}, 'Your proposal'),
        level.issues.map((issue, i) => h('label', {}, `${issue.name} `, selects[i])),
        h('button', { type: 'submit', disabled: this.busy }, 'Put it on the table'),
      );
    }
    if (v.phase === 'responses')
      return h(
        'div',
        { class: 'live-controls' },
        h('h2', {}, 'Your answer'),
        h(
          'button',
          {
            type: 'button',
            disabled: this.busy || !v.mayAccept,
            onclick: () => this.send({ type: 'RESPOND', party, accept: true }),
          },
          'Accept',
        ),
        h(
          'button',
          {
            type: 'button',
            disabled: this.busy,
            onclick: () => this.send({ type: 'RESPOND', party, accept: false }),
          },
          'Reject',
        ),
        v.mayAccept ? null : h('p', {}, 'This package crosses one of your hard red lines.'),
      );
    const select = h(
      'select',
      { 'aria-label': 'Side move' },
      v.legalSideMoves.map((m, k) => h('option', { value: k }, describeSideMove(level, party, m))),
    );
    return h(
      'form',
      {
        class: 'live-controls',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const move: SideMove = v.legalSideMoves[Number(select.value)] ?? { kind: 'pass' };
          this.send({ type: 'SIDE_MOVE', party, move });
        },
      },
      h('h2', {}, 'Your side move'),
      select,
      h('button', { type: 'submit', disabled: this.busy }, 'Make the move'),
    );
  }

  private debrief(v: SeatView, level: Level) {
    this.over = true;
    const outcome = v.outcome!;
    const seats = byParty((p) =>
      this.pub?.seats.get(p)?.occupant === 'person' ? ('human' as const) : ('computer' as const),
    );
    const replayed = this.setup
      ? replayMoves(
          level,
          { seed: this.setup.seed, seats, difficulty: this.setup.difficulty as 'normal' },
          this.moves,
        )
      : null;
    const code =
      replayed && replayed.ok ? resultCodeFor(level, replayed.value, this.ticket.name) : '';
    this.main.replaceChildren(
      h('h2', {}, `Debrief: ${outcomeWord(level, outcome.kind)}`),
      h(
        'ul',
        {},
        PARTIES.map((p) => h('li', {}, `${this.name(p)}: ${outcome.scores[p]} points`)),
      ),
      code
        ? h(
            'div',
            { class: 'live-code' },
            h('p', {}, 'Your result code (the teacher page and npm run replay check it):'),
            h('textarea', { readonly: true, rows: 4, cols: 60, 'aria-label': 'Result code' }, code),
          )
        : h('p', {}, 'The result code could not be made on this device.'),
      h(
        'ol',
        { class: 'live-log' },
        v.log.map((e) => h('li', {}, e.text)),
      ),
    );
  }
}
