import { expect, it } from 'vitest';
import { parseMessage } from '../../server/mail/parse-message';

// Many mail programs send an HTML body next to a screenshot or log as multipart/mixed with no
// text part: the words must still reach the ticket (as text, never as markup or script).
it('an HTML body beside an attachment becomes text, and the file stays an attachment', async () => {
  const raw = [
    'From: casey@customer.example.com', 'Subject: Screenshot', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/html; charset=utf-8', '', '<p>The tunnel to <b>site B</b> drops.</p><script>alert(1)</script><a href="javascript:steal()">details</a><img src="x" onerror="steal()">',
    '--b', 'Content-Type: text/plain; name="tunnel.log"', 'Content-Disposition: attachment; filename="tunnel.log"', 'Content-Transfer-Encoding: base64', '', Buffer.from('10:00 down\n').toString('base64'), '--b--', '',
  ].join('\r\n');
  const m = await parseMessage(raw, 'fallback@example.com');
  expect(m.text).toContain('The tunnel to site B drops.');
  expect(m.text).toContain('details');
  expect(m.text).not.toMatch(/alert|javascript|steal|</);
  expect(m.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['tunnel.log', '10:00 down\n']]);
});
