/** The kinds of file the app hands to other applications. */
export type HandoffExtension = '.eml' | '.ics';

/**
 * The file name a hand-off (mail draft, calendar file) gets, or why it is refused. Only a plain
 * name is accepted (no separators, no NUL, no leading dot, no '..'), and the extension is always
 * ours because it decides which application opens the file. Both hosts apply this same rule.
 */
export function checkHandoffFileName(fileName: string, extension: HandoffExtension): { ok: true; name: string } | { ok: false; message: string } {
  if (fileName.length === 0) return { ok: false, message: 'file name must not be empty' };
  if (fileName.includes('/') || fileName.includes('\\') || fileName.includes('\0')) return { ok: false, message: 'file name must not contain a path' };
  if (fileName.startsWith('.') || fileName.includes('..')) return { ok: false, message: 'file name must not start with a dot or contain ".."' };
  return { ok: true, name: fileName.toLowerCase().endsWith(extension) ? fileName : `${fileName}${extension}` };
}
