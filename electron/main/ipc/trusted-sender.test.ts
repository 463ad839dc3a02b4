import { describe, expect, it } from 'vitest';
import { isTrustedSenderFrame, isTrustedSenderUrl } from './trusted-sender';

const packaged = { rendererFileUrl: 'file:///opt/Service%20Desk/resources/app.asar/out/renderer/index.html', devServerUrl: null };
const dev = { rendererFileUrl: 'file:///home/dev/app/out/renderer/index.html', devServerUrl: 'http://localhost:5173/' };

describe('trusted sender', () => {
  it("trusts the app's own index.html, with any hash or query", () => {
    expect(isTrustedSenderUrl('file:///opt/Service%20Desk/resources/app.asar/out/renderer/index.html', packaged)).toBe(true);
    expect(isTrustedSenderUrl('file:///opt/Service%20Desk/resources/app.asar/out/renderer/index.html#/ticket/SD-A-0001', packaged)).toBe(true);
  });

  it('rejects other files, remote pages and opaque origins', () => {
    for (const url of ['file:///tmp/index.html', 'file:///opt/Service%20Desk/resources/app.asar/out/renderer/other.html', 'https://example.com/', 'http://localhost:5173/', 'about:blank', 'data:text/html,x', '', 'garbage']) {
      expect(isTrustedSenderUrl(url, packaged), url).toBe(false);
    }
  });

  it('trusts the dev server origin only in development', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/#/queue', dev)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedSenderUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('trusts only the top frame', () => {
    const url = 'file:///home/dev/app/out/renderer/index.html';
    expect(isTrustedSenderFrame({ url, parent: null }, dev)).toBe(true);
    expect(isTrustedSenderFrame({ url, parent: { url } }, dev)).toBe(false);
    expect(isTrustedSenderFrame(null, dev)).toBe(false);
  });
});
