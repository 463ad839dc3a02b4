/**
 * Freedesktop notification servers (GNOME, KDE, dunst…) read a notification's body as a small
 * markup language (<b>, <a href>, <img>), and Electron passes it through unescaped. A ticket
 * title such as `<a href="https://evil.example.com">Click</a>` must show as text, so on Linux the
 * body is escaped; the summary (title) is plain text by the specification and stays as it is.
 * Other platforms show text as text.
 */
export function notificationBody(text: string, platform: string): string {
  if (platform !== 'linux') return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
