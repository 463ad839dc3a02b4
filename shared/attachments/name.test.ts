import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_NAME_LENGTH } from './limits';
import { FALLBACK_ATTACHMENT_NAME, isSanitizedAttachmentName, sanitizeAttachmentName } from './name';

describe('attachment names', () => {
  it('keeps only the last path segment, so a name cannot climb out of a folder', () => {
    expect(sanitizeAttachmentName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeAttachmentName('..\\..\\Windows\\System32\\evil.dll')).toBe('evil.dll');
    expect(sanitizeAttachmentName('/tmp/../..')).toBe(FALLBACK_ATTACHMENT_NAME);
  });

  it('drops control characters and the right-to-left override that disguises an extension', () => {
    expect(sanitizeAttachmentName('report\r\nX-Evil: 1.txt')).toBe('reportX-Evil_ 1.txt');
    expect(sanitizeAttachmentName('photo\u202Egnp.exe')).toBe('photognp.exe');
    expect(sanitizeAttachmentName('in\u2066voice\u2069.pdf\u200B')).toBe('invoice.pdf');
    expect(sanitizeAttachmentName('bell\u0007\u0085.log')).toBe('bell.log');
  });

  it('avoids names Windows refuses and hidden dot-files', () => {
    expect(sanitizeAttachmentName('CON.txt')).toBe('_CON.txt');
    expect(sanitizeAttachmentName('a<b>c:d"e|f?g*.txt')).toBe('a_b_c_d_e_f_g_.txt');
    expect(sanitizeAttachmentName('.bashrc')).toBe('bashrc');
    expect(sanitizeAttachmentName('trailing. . ')).toBe('trailing');
  });

  it('shortens long names but keeps the extension', () => {
    const long = `${'x'.repeat(300)}.jpeg`;
    const out = sanitizeAttachmentName(long);
    expect(Array.from(out).length).toBe(MAX_ATTACHMENT_NAME_LENGTH);
    expect(out.endsWith('.jpeg')).toBe(true);
  });

  it('always yields a non-empty, stable name without separators or controls, whatever comes in', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const out = sanitizeAttachmentName(raw);
        expect(out.length).toBeGreaterThan(0);
        expect(Array.from(out).length).toBeLessThanOrEqual(MAX_ATTACHMENT_NAME_LENGTH);
        expect(out).not.toMatch(/[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(isSanitizedAttachmentName(out)).toBe(true);
      }),
    );
  });
});
