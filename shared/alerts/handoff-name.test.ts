import { describe, expect, it } from 'vitest';
import { checkHandoffFileName } from './handoff-name';

describe('hand-off file names', () => {
  it('keeps a plain name and adds a missing extension', () => {
    expect(checkHandoffFileName('SD-A-0001 reply.eml', '.eml')).toEqual({ ok: true, name: 'SD-A-0001 reply.eml' });
    expect(checkHandoffFileName('SD-A-0001 REPLY.EML', '.eml')).toEqual({ ok: true, name: 'SD-A-0001 REPLY.EML' });
    expect(checkHandoffFileName('visit', '.ics')).toEqual({ ok: true, name: 'visit.ics' });
    // The extension decides the opening application, so a foreign one gets ours appended.
    expect(checkHandoffFileName('setup.exe', '.ics')).toEqual({ ok: true, name: 'setup.exe.ics' });
  });

  it('refuses traversal, separators, NUL, hidden and empty names with a reason', () => {
    for (const name of ['../evil.eml', '..', '..eml', 'a..b.eml', 'a/b.eml', 'a\\b.eml', 'C:\\Windows\\x.eml', '/etc/x.eml', '.bashrc', 'x\0.eml', '']) {
      const r = checkHandoffFileName(name, '.eml');
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.message.length).toBeGreaterThan(0);
    }
  });
});
