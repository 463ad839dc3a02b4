import { describe, expect, it } from 'vitest';
import { isPreviewableImage, sniffAttachmentType } from './sniff';

const bytes = (...xs: Array<number | string>) => Uint8Array.from(xs.flatMap((x) => (typeof x === 'string' ? Array.from(x, (c) => c.charCodeAt(0)) : [x])));

describe('sniffing attachment types from bytes', () => {
  it('recognises the images the desk previews', () => {
    expect(sniffAttachmentType(bytes(0x89, 'PNG\r\n', 0x1a, '\n', 0, 0))).toBe('image/png');
    expect(sniffAttachmentType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffAttachmentType(bytes('GIF89a', 1, 0))).toBe('image/gif');
    expect(sniffAttachmentType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('image/webp');
  });

  it('calls an executable an executable whatever its name, and never previews it', () => {
    const exe = sniffAttachmentType(bytes('MZ', 0x90, 0, 3));
    expect(exe).toBe('application/x-msdownload');
    expect(isPreviewableImage(exe)).toBe(false);
    expect(sniffAttachmentType(bytes(0x7f, 'ELF', 2, 1))).toBe('application/x-executable');
  });

  it('treats HTML and SVG as plain text: nothing is ever rendered as markup', () => {
    expect(sniffAttachmentType(bytes('<!doctype html><script>alert(1)</script>'))).toBe('text/plain');
    expect(sniffAttachmentType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBe('text/plain');
    expect(isPreviewableImage('image/svg+xml')).toBe(false);
  });

  it('tells UTF-8 logs from binary', () => {
    expect(sniffAttachmentType(new TextEncoder().encode('2026-12-06 link down на порт 3 端口\n'))).toBe('text/plain');
    expect(sniffAttachmentType(bytes('abc', 0, 'def'))).toBe('application/octet-stream');
    expect(sniffAttachmentType(bytes(0xc3))).toBe('text/plain');
    expect(sniffAttachmentType(bytes(0xfe, 0xff, 0x41))).toBe('application/octet-stream');
    expect(sniffAttachmentType(new Uint8Array())).toBe('application/octet-stream');
  });

  it('recognises PDF and archives', () => {
    expect(sniffAttachmentType(bytes('%PDF-1.7'))).toBe('application/pdf');
    expect(sniffAttachmentType(bytes('PK', 3, 4))).toBe('application/zip');
    expect(sniffAttachmentType(bytes(0x1f, 0x8b, 8))).toBe('application/gzip');
  });
});
