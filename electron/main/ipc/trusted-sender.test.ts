import { describe, expect, it } from 'vitest';
import { isTrustedSenderFrame, isTrustedSenderUrl } from './trusted-sender';

const packaged = { devServerUrl: null };
const dev = { devServerUrl: 'http://localhost:5173/' };

describe('trusted sender', () => {
  it("trusts the app's own app:// origin, with any route, hash or query", () => {
    expect(isTrustedSenderUrl('app://renderer/index.html', packaged)).toBe(true);
    expect(isTrustedSenderUrl('app://renderer/index.html#/ticket/SD-A-0001', packaged)).toBe(true);
  });

  it('rejects files, other app:// hosts, remote pages and opaque origins', () => {
    for (const url of ['file:///opt/Service%20Desk/resources/app.asar/out/renderer/index.html', 'file:///tmp/index.html', 'app://evil/index.html', 'https://example.com/', 'http://localhost:5173/', 'about:blank', 'data:text/html,x', '', 'garbage']) {
      expect(isTrustedSenderUrl(url, packaged), url).toBe(false);
    }
  });

  it('trusts the dev server origin only in development', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/#/queue', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('never trusts a dev server that is not on this machine, even if one slipped through', () => {
    expect(isTrustedSenderUrl('https://evil.example.com/', { devServerUrl: 'https://evil.example.com/' })).toBe(false);
  });

  it('trusts only the top frame', () => {
    const url = 'app://renderer/index.html';
    expect(isTrustedSenderFrame({ url, parent: null }, dev)).toBe(true);
    expect(isTrustedSenderFrame({ url, parent: { url } }, dev)).toBe(false);
    expect(isTrustedSenderFrame(null, dev)).toBe(false);
  });
});
