import { sanitizeAttachmentName } from './name';
import { sniffAttachmentType } from './sniff';

/**
 * Why the desk will not hand a file to the operating system to open. Opening goes through the
 * OS's default handler for the name's extension, so a program, a script or a page that runs
 * script would run on the engineer's machine with their rights; such files can only be saved.
 */
export const attachmentOpenRefusals = ['executable', 'script', 'web_page'] as const;
export type AttachmentOpenRefusal = (typeof attachmentOpenRefusals)[number];

// Extensions the OS runs or installs when "opened" (Windows, macOS and Linux launchers, installers,
// shortcuts that point at programs, control-panel items). Modelled on mail clients' blocked lists.
const EXECUTABLE = new Set([
  'exe', 'com', 'scr', 'pif', 'msi', 'msp', 'mst', 'msix', 'msixbundle', 'appx', 'appxbundle', 'appref-ms', 'cpl', 'dll', 'ocx', 'sys', 'drv',
  'lnk', 'url', 'scf', 'inf', 'reg', 'gadget', 'application', 'library-ms', 'searchconnector-ms', 'settingcontent-ms', 'diagcab', 'xbap',
  'app', 'command', 'tool', 'pkg', 'mpkg', 'dmg', 'workflow', 'action', 'terminal', 'webloc', 'inetloc', 'fileloc',
  'desktop', 'appimage', 'run', 'bin', 'out', 'elf', 'deb', 'rpm', 'snap', 'flatpak', 'flatpakref', 'so', 'ko',
  'jar', 'jnlp', 'class', 'apk', 'xpi', 'crx', 'iso', 'img', 'vhd', 'vhdx',
]);

// Text the OS hands to an interpreter, and office documents that carry macros.
const SCRIPT = new Set([
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'psc1', 'vb', 'vbs', 'vbe', 'js', 'jse', 'mjs', 'cjs', 'ws', 'wsf', 'wsc', 'wsh', 'hta', 'sct',
  'sh', 'bash', 'zsh', 'csh', 'ksh', 'fish', 'py', 'pyw', 'pyc', 'pl', 'rb', 'php', 'lua', 'tcl', 'applescript', 'scpt', 'scptd', 'osascript',
  'msc', 'msh', 'msh1', 'msh2', 'mshxml', 'msh1xml', 'msh2xml', 'chm', 'hlp', 'ade', 'adp', 'mde', 'mdb', 'accde', 'mda', 'mdz', 'prg', 'bas', 'shs', 'shb',
  'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xla', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm',
]);

// Markup a browser renders with its scripts running, from a local file.
const WEB_PAGE = new Set(['html', 'htm', 'xhtml', 'xht', 'shtml', 'mht', 'mhtml', 'svg', 'svgz', 'xml', 'xsl', 'xslt']);

/** The extension the OS would go by: the text after the last dot, lower case ('' when none). */
export function attachmentExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type AttachmentOpenCheck = { ok: true; name: string } | { ok: false; reason: AttachmentOpenRefusal; name: string };

/**
 * Whether a file may be opened with the OS's default application, judged on the name it would be
 * written under (sanitised first) and on its first bytes: a program renamed "photo.png" is still
 * refused, and so is a file without an extension that starts like a script ("#!").
 */
export function checkAttachmentOpen(rawName: string, head: Uint8Array): AttachmentOpenCheck {
  const name = sanitizeAttachmentName(rawName);
  const ext = attachmentExtension(name);
  const sniffed = sniffAttachmentType(head.subarray(0, 512));
  if (sniffed === 'application/x-msdownload' || sniffed === 'application/x-executable' || EXECUTABLE.has(ext)) return { ok: false, reason: 'executable', name };
  if (SCRIPT.has(ext) || (head[0] === 0x23 && head[1] === 0x21)) return { ok: false, reason: 'script', name };
  if (WEB_PAGE.has(ext)) return { ok: false, reason: 'web_page', name };
  return { ok: true, name };
}
