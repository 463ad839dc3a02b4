import { describe, expect, it } from 'vitest';
import { matchesQuery, navigationCommands } from './commands';

describe('command palette matching', () => {
  it('finds commands by a loose subsequence, ignoring case and accents', () => {
    expect(matchesQuery('Breached tickets', 'brch')).toBe(true);
    expect(matchesQuery('Всички тикети', 'всич')).toBe(true);
    expect(matchesQuery('Crème', 'creme')).toBe(true);
    expect(matchesQuery('Breached', 'xyz')).toBe(false);
  });

  it('gives every navigation command a distinct key sequence', () => {
    const keys = navigationCommands.map((c) => c.keys);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
