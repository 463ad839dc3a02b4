import { describe, expect, it } from 'vitest';
import { actorName } from './visit-history-text';

const names = new Map([['eng-kai', 'Kai Chen']]);

describe('actorName', () => {
  it('names people, the system, and falls back to the stored id', () => {
    expect(actorName('eng-kai', names, 'System')).toBe('Kai Chen');
    expect(actorName('system', names, 'System')).toBe('System');
    expect(actorName('u-9', names, 'System')).toBe('u-9');
  });
});
