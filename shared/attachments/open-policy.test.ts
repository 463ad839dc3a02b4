import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentExtension, checkAttachmentOpen } from './open-policy';

const text = (s: string) => new TextEncoder().encode(s);
const pdf = text('%PDF-1.7\n1 0 obj');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const windowsProgram = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
const linuxProgram = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

describe('which attachments the OS may open', () => {
  it('opens documents, images, logs and archives under their sanitised names', () => {
    expect(checkAttachmentOpen('router-crash.pdf', pdf)).toEqual({ ok: true, name: 'router-crash.pdf' });
    expect(checkAttachmentOpen('site photo.PNG', png)).toEqual({ ok: true, name: 'site photo.PNG' });
    expect(checkAttachmentOpen('syslog.txt', text('Jan 1 00:00:01 core1 kernel: link down'))).toEqual({ ok: true, name: 'syslog.txt' });
    expect(checkAttachmentOpen('../../logs/bundle.zip', new Uint8Array([0x50, 0x4b, 3, 4]))).toEqual({ ok: true, name: 'bundle.zip' });
  });

  it('refuses programs by extension, whatever they contain', () => {
    for (const name of ['setup.exe', 'SETUP.EXE', 'invoice.pdf.exe', 'update.msi', 'link.lnk', 'run.desktop', 'tool.AppImage', 'viewer.jar', 'fix.reg', 'screen.scr']) {
      expect(checkAttachmentOpen(name, text('harmless text')), name).toMatchObject({ ok: false, reason: 'executable' });
    }
  });

  it('refuses a program disguised as a picture or a document, by its first bytes', () => {
    expect(checkAttachmentOpen('photo.png', windowsProgram)).toMatchObject({ ok: false, reason: 'executable', name: 'photo.png' });
    expect(checkAttachmentOpen('report.pdf', linuxProgram)).toMatchObject({ ok: false, reason: 'executable' });
  });

  it('refuses scripts, macro documents and files that start like a script', () => {
    for (const name of ['fix.bat', 'fix.cmd', 'fix.ps1', 'fix.vbs', 'fix.js', 'fix.sh', 'fix.py', 'fix.hta', 'budget.xlsm', 'letter.docm']) {
      expect(checkAttachmentOpen(name, text('echo hi')), name).toMatchObject({ ok: false, reason: 'script' });
    }
    expect(checkAttachmentOpen('cleanup', text('#!/bin/sh\nrm -rf ~'))).toMatchObject({ ok: false, reason: 'script' });
  });

  it('refuses pages a browser would render with their scripts', () => {
    for (const name of ['status.html', 'status.HTM', 'diagram.svg', 'saved.mht']) {
      expect(checkAttachmentOpen(name, text('<html><script>alert(1)</script>')), name).toMatchObject({ ok: false, reason: 'web_page' });
    }
  });

  it('judges the name after sanitising, so a hidden extension cannot slip through', () => {
    // The right-to-left override would show "photo\u202Egnp.exe" as "photoexe.png".
    expect(checkAttachmentOpen('photo\u202Egnp.exe', png)).toMatchObject({ ok: false, reason: 'executable', name: 'photognp.exe' });
    // Windows drops trailing dots and spaces, which would turn "x.exe. " into "x.exe".
    expect(checkAttachmentOpen('x.exe. ', pdf)).toMatchObject({ ok: false, reason: 'executable', name: 'x.exe' });
  });

  it('never lets a name with a refused extension through, whatever surrounds it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('exe', 'bat', 'ps1', 'html', 'lnk', 'sh', 'svg'), fc.uint8Array({ maxLength: 64 }), (stem, ext, head) => {
        const r = checkAttachmentOpen(`${stem}.${ext}`, head);
        // Either refused, or sanitising turned the name into one whose extension the OS reads differently.
        return !r.ok || attachmentExtension(r.name) !== ext;
      }),
    );
  });
});
