import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-url';

describe('openExternal allowlist', () => {
  it('allows mail drafts, phone calls and web pages', () => {
    for (const ok of ['mailto:lead@example.com', 'mailto:a@example.com?subject=SD-1%20down&body=Hi%0D%0A', 'mailto:?subject=x', 'https://example.com', 'https://support.example.com:8443/kb/1?x=1#top', 'tel:+14155550142', 'tel:0215550100'])
      expect(isAllowedExternalUrl(ok), ok).toBe(true);
  });

  it('refuses everything that could run code, read files or smuggle credentials', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>',
      'http://example.com',
      'servicedesk://ticket/1',
      'https://user:pw@example.com',
      'https://example.com\\@evil.com',
      'https://exa mple.com',
      'https://example.com/\nSet-Cookie: x',
      'mailto:',
      'tel:',
      'tel:+1 415 555',
      'tel:123;phone-context=evil',
      'smb://server/share',
      '',
    ])
      expect(isAllowedExternalUrl(bad), bad).toBe(false);
  });
});
