import { describe, expect, it } from 'vitest';
import { checkImportSize, formatBytes, importSizeLimits } from './index';

describe('import size limits', () => {
  it('accepts files up to the limit of their kind and refuses one byte more, with both sizes', () => {
    for (const kind of ['config', 'backup', 'matrix', 'ics'] as const) {
      expect(checkImportSize(kind, importSizeLimits[kind])).toEqual({ ok: true });
      expect(checkImportSize(kind, importSizeLimits[kind] + 1)).toMatchObject({ ok: false, limit: formatBytes(importSizeLimits[kind]) });
    }
    expect(checkImportSize('ics', 12 * 1024 * 1024)).toEqual({ ok: false, size: '12 MB', limit: '5 MB' });
  });

  it('writes sizes briefly', () => {
    expect(formatBytes(300)).toBe('1 KB');
    expect(formatBytes(512 * 1024)).toBe('512 KB');
    expect(formatBytes(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});
