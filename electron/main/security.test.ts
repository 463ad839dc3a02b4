import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, navigationDecision, openExternalUrl, parseDeepLink, secureWebPreferences } from './security';

describe('window preferences', () => {
  it('isolate and sandbox the renderer without Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, backgroundThrottling: false, preload: '/app/out/preload/index.cjs' });
  });
});

describe('external URL allowlist', () => {
  it('allows https: pages and mailto: drafts', () => {
    expect(isAllowedExternalUrl('https://status.example.com/incident/42')).toBe(true);
    expect(isAllowedExternalUrl('mailto:noc@example.com?subject=SD-A-0001&body=Hello%20there')).toBe(true);
  });

  it('refuses everything else', () => {
    const refused = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>', 'http://example.com', 'servicedesk://ticket/1', 'ms-msdt:/id', 'smb://host/share', 'https://user:pw@example.com', 'not a url', '', 'https://'];
    for (const url of refused) expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('opens only allowed URLs and hands over the normalised form', async () => {
    const opened: string[] = [];
    const open = (u: string): Promise<void> => {
      opened.push(u);
      return Promise.resolve();
    };
    expect(await openExternalUrl('javascript:alert(1)', open)).toBe(false);
    expect(await openExternalUrl('file:///C:/Windows/system32/calc.exe', open)).toBe(false);
    expect(await openExternalUrl('  https://example.com/a b', open)).toBe(false);
    expect(await openExternalUrl('https://Status.Example.com/incidents?id=42', open)).toBe(true);
    expect(opened).toEqual(['https://status.example.com/incidents?id=42']);
  });
});

describe('navigation', () => {
  const isApp = (u: string): boolean => u.startsWith('file:///app/out/renderer/index.html');
  it('stays on the app, sends allowed links to the OS and drops the rest', () => {
    expect(navigationDecision('file:///app/out/renderer/index.html#/ticket/1', isApp)).toBe('allow');
    expect(navigationDecision('https://evil.example.com', isApp)).toBe('open-external');
    expect(navigationDecision('file:///etc/passwd', isApp)).toBe('deny');
    expect(navigationDecision('javascript:void(0)', isApp)).toBe('deny');
  });
});

describe('deep links', () => {
  it('reads servicedesk://ticket/<id> from a URL', () => {
    expect(parseDeepLink('servicedesk://ticket/SD-ABCD12-0042')).toEqual({ kind: 'ticket', ticketId: 'SD-ABCD12-0042' });
    expect(parseDeepLink('servicedesk://ticket/SD-ABCD12-0042/')).toEqual({ kind: 'ticket', ticketId: 'SD-ABCD12-0042' });
  });

  it('finds the link in a second instance argv', () => {
    const argv = ['/opt/Service Desk/service-desk', '--no-sandbox-ignored-flag', 'servicedesk://ticket/SD-ABCD12-0001'];
    expect(parseDeepLink(argv)).toEqual({ kind: 'ticket', ticketId: 'SD-ABCD12-0001' });
    expect(parseDeepLink(['/opt/Service Desk/service-desk'])).toBeNull();
  });

  it('ignores other hosts, other schemes and ids with odd characters', () => {
    for (const bad of ['servicedesk://settings/x', 'https://ticket/SD-1', 'servicedesk://ticket/', 'servicedesk://ticket/..%2F..%2Fetc', 'servicedesk://ticket/a%20b', 'servicedesk://ticket/%E0%A4%A']) {
      expect(parseDeepLink(bad), bad).toBeNull();
    }
  });
});
