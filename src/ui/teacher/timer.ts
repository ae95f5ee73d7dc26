// The round timer: a clock on the teacher's screen only (students' games know nothing of it).
// The model is pure (times come in as arguments); the clock face and the controls are two parts,
// so the face can tick every quarter second without replacing the buttons under the pointer.
import { h } from '../dom';

export interface TimerModel {
  /** Milliseconds left while paused or stopped. */
  readonly left: number;
  /** When the running timer ends (epoch ms), or null when it is not running. */
  readonly end: number | null;
  readonly done: boolean;
  /** The last thing said to screen readers. */
  readonly status: string;
}

export const clock = (ms: number): string => {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
};

export const timerReset = (minutes: number, status = ''): TimerModel => ({
  left: minutes * 60_000,
  end: null,
  done: false,
  status,
});

export const timerLeft = (t: TimerModel, now: number): number =>
  t.end === null ? t.left : Math.max(0, t.end - now);

export function timerPause(t: TimerModel, now: number): TimerModel {
  if (t.end === null) return t;
  const left = timerLeft(t, now);
  return { ...t, left, end: null, status: `Paused with ${clock(left)} left.` };
}

/** Start, or pause when running. A timer that ran out starts again from `minutes`. */
export function timerToggle(t: TimerModel, minutes: number, now: number): TimerModel {
  if (t.end !== null) return timerPause(t, now);
  const left = t.left <= 0 ? minutes * 60_000 : t.left;
  return { left, end: now + left, done: false, status: `Timer started: ${clock(left)}.` };
}

/** The timer at `now`: a running timer that has reached zero stops and is done. */
export function timerTick(t: TimerModel, now: number): TimerModel {
  if (t.end === null || t.end > now) return t;
  return { left: 0, end: null, done: true, status: 'Time is up for this round.' };
}

/** A new length: a stopped timer holding more than it now allows is cut to it. */
export function timerLength(t: TimerModel, minutes: number): TimerModel {
  return t.end === null && t.left > minutes * 60_000 ? { ...t, left: minutes * 60_000 } : t;
}

export interface ClockProps {
  readonly text: string;
}

export const renderClock = (props: ClockProps): HTMLElement =>
  h('p', { class: 'tc-clock', 'aria-hidden': 'true' }, props.text);

export interface TimerProps {
  readonly running: boolean;
  readonly status: string;
}

export interface TimerIntents {
  readonly toggleTimer: () => void;
  readonly resetTimer: () => void;
}

export const render = (props: TimerProps, intents: TimerIntents): HTMLElement =>
  h(
    'div',
    {},
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          class: 'primary',
          id: 'tc-timer-start',
          onclick: () => intents.toggleTimer(),
        },
        props.running ? 'Pause' : 'Start',
      ),
      h(
        'button',
        { type: 'button', id: 'tc-timer-reset', onclick: () => intents.resetTimer() },
        'Reset',
      ),
    ),
    h('p', { class: 'tc-sr', role: 'status' }, props.status),
  );
