import { describe, expect, it } from 'vitest';
import { LoopRest, type Sleeper } from './rest';

class FakeLoop implements Sleeper {
  running = true;
  wakes = 0;
  sleep(): void {
    this.running = false;
  }
  wake(): void {
    this.running = true;
    this.wakes++;
  }
}

function setup(busy = () => false) {
  const loop = new FakeLoop();
  const queued: (() => void)[] = [];
  const rest = new LoopRest(loop, { busy, settleFrames: 2, defer: (t) => queued.push(t) });
  const flush = () => queued.splice(0).forEach((t) => t());
  return { loop, rest, flush };
}

describe('the game loop rests when nothing moves (issue 13)', () => {
  it('sleeps after a few quiet frames', () => {
    const { loop, rest } = setup();
    rest.frameDone();
    expect(loop.running).toBe(true);
    rest.frameDone();
    expect(loop.running).toBe(false);
    expect(rest.sleeps).toBe(1);
  });

  it('wakes for a poke, after the current call stack, and sleeps again', () => {
    const { loop, rest, flush } = setup();
    rest.frameDone();
    rest.frameDone();
    rest.poke();
    rest.poke();
    expect(loop.running).toBe(false); // not inside the frame that slept
    flush();
    expect(loop.wakes).toBe(1);
    rest.frameDone();
    expect(loop.running).toBe(true);
    rest.frameDone();
    expect(loop.running).toBe(false);
  });

  it('stays awake while something is busy (a tween), then sleeps', () => {
    let tweening = true;
    const { loop, rest } = setup(() => tweening);
    for (let i = 0; i < 10; i++) rest.frameDone();
    expect(loop.running).toBe(true);
    tweening = false;
    rest.frameDone();
    expect(loop.running).toBe(false);
  });

  it('a poke while awake restarts the quiet count', () => {
    const { loop, rest } = setup();
    rest.frameDone();
    rest.poke();
    rest.frameDone();
    expect(loop.running).toBe(true);
    rest.frameDone();
    expect(loop.running).toBe(false);
  });

  it('keeps awake on the bench switch, and rests when it is released', () => {
    const { loop, rest, flush } = setup();
    rest.keepAwake(true);
    for (let i = 0; i < 10; i++) rest.frameDone();
    expect(loop.running).toBe(true);
    rest.keepAwake(false);
    flush();
    rest.frameDone();
    rest.frameDone();
    expect(loop.running).toBe(false);
  });
});
