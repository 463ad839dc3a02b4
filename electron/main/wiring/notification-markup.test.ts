import { describe, expect, it } from 'vitest';
import { notificationBody } from './notification-markup';

describe('notification body markup', () => {
  const hostile = `Example Utility — <a href="https://evil.example.com">Click</a> & <b>'win'</b>`;

  it('escapes markup on Linux so the notification server shows it as text', () => {
    const body = notificationBody(hostile, 'linux');
    expect(body).not.toMatch(/[<>"']/);
    expect(body).toBe('Example Utility — &lt;a href=&quot;https://evil.example.com&quot;&gt;Click&lt;/a&gt; &amp; &lt;b&gt;&#39;win&#39;&lt;/b&gt;');
  });

  it('leaves the text alone where it is shown as text', () => {
    expect(notificationBody(hostile, 'win32')).toBe(hostile);
    expect(notificationBody(hostile, 'darwin')).toBe(hostile);
  });
});
