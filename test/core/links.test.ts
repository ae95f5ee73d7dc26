// Links: gameLink builds every link, and parseGameParams reads back what it wrote.
import { describe, expect, test } from 'vitest';
import { gameLink, parseGameParams, type GameLink } from '../../src/core/params';

const context = {
  knownLevels: ['coalition-2025', 'tutorial'],
  version: '1.2.3',
  dailySeed: 'DAYSEED1',
};
const read = (link: string) => {
  const query = new URL(link).searchParams;
  return parseGameParams((name) => query.get(name), context);
};

describe('gameLink', () => {
  test('a hot-seat link carries its seats and version, and reads back the same game', () => {
    const link: GameLink = {
      level: 'tutorial',
      seed: 'HTST2345',
      role: 'us',
      difficulty: 'hard',
      mode: 'hotseat',
      humans: ['us', 'ukraine'],
      version: '1.2.3',
    };
    const url = gameLink('https://example.test/', link);
    expect(url).toBe(
      'https://example.test/?level=tutorial&seed=HTST2345&role=us&difficulty=hard&mode=hotseat&seats=us%2Cukraine&v=1.2.3',
    );
    const parsed = read(url);
    expect(parsed.notices).toEqual([]);
    expect(parsed.params).toEqual({
      level: 'tutorial',
      seed: 'HTST2345',
      role: 'us',
      difficulty: 'hard',
      mode: 'hotseat',
      humans: ['us', 'ukraine'],
    });
  });

  test('a solo link names no mode and no seats, and never a timer', () => {
    const url = gameLink('https://example.test/', {
      level: 'coalition-2025',
      seed: 'K7F2Q9XM',
      mode: 'solo',
      humans: ['ukraine'],
    });
    expect(url).toBe('https://example.test/?level=coalition-2025&seed=K7F2Q9XM');
    expect(url).not.toContain('timer');
  });

  test('escapes what it carries, so a replay code cannot break the query', () => {
    const url = gameLink('https://example.test/', { replay: 'a&b=c' });
    expect(new URL(url).searchParams.get('replay')).toBe('a&b=c');
  });
});
