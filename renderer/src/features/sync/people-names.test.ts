import { describe, expect, it } from 'vitest';
import { namesOf, withNames } from './people-names';

describe('people names in conflict texts', () => {
  const names = namesOf([{ id: 'u_1', name: 'Ana Example' }, { id: 'u_12', name: '' , email: 'bo@example.com' }, { id: 'u_3' }]);
  it('shows names instead of user ids, longest id first, unknown ids untouched', () => {
    expect(withNames('visit v1 was reassigned to u_12 while u_1 was already working on it', names)).toBe('visit v1 was reassigned to bo@example.com while Ana Example was already working on it');
    expect(withNames('u_9 did it', names)).toBe('u_9 did it');
    expect(names.get('u_3')).toBe('u_3');
  });
});
