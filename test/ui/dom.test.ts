// @vitest-environment happy-dom
// The DOM builder: level text goes in as text, and a briefing keeps its paragraphs.
import { describe, expect, test } from 'vitest';
import { paragraphs } from '../../src/ui/dom';

describe('paragraphs', () => {
  test('splits a briefing into one paragraph per blank-line-separated block', () => {
    const ps = paragraphs(
      'You lead the delegation.\n\nThe history.\n  \nGame fiction: <b>not bold</b>.',
    );
    expect(ps.map((p) => p.tagName)).toEqual(['P', 'P', 'P']);
    expect(ps.map((p) => p.textContent)).toEqual([
      'You lead the delegation.',
      'The history.',
      'Game fiction: <b>not bold</b>.',
    ]);
    expect(ps[2]!.children).toHaveLength(0);
  });

  test('keeps a text without blank lines as one paragraph, and drops empty ones', () => {
    expect(paragraphs('One line\nand its continuation.').map((p) => p.textContent)).toEqual([
      'One line\nand its continuation.',
    ]);
    expect(paragraphs('\n\n')).toEqual([]);
  });
});
