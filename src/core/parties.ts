export const PARTIES = ['us', 'europe', 'russia', 'ukraine'] as const;
export type Party = (typeof PARTIES)[number];
export type ByParty<T> = Record<Party, T>;

export const DIFFICULTIES = ['easy', 'normal', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const isParty = (value: unknown): value is Party =>
  typeof value === 'string' && (PARTIES as readonly string[]).includes(value);

export const isDifficulty = (value: unknown): value is Difficulty =>
  typeof value === 'string' && (DIFFICULTIES as readonly string[]).includes(value);

export function byParty<T>(make: (party: Party) => T): ByParty<T> {
  return {
    us: make('us'),
    europe: make('europe'),
    russia: make('russia'),
    ukraine: make('ukraine'),
  };
}
