import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appIndexUrl, createAppProtocolHandler, devServerUrlFrom, isLoopbackHttpUrl, rendererEntryUrl, resolveAppRequest } from './renderer-origin';

describe('which page the window loads', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app, even for a loopback server', () => {
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, true)).toBeNull();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'https://evil.example.com/' }, true)).toBeNull();
    expect(rendererEntryUrl(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'https://evil.example.com/' }, true))).toBe(appIndexUrl);
  });

  it('honours it in development only for a server on this machine', () => {
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }, false)).toBe('http://127.0.0.1:5173');
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://[::1]:5173/' }, false)).toBe('http://[::1]:5173/');
    for (const url of ['https://evil.example.com/', 'http://localhost.evil.example.com/', 'http://192.168.1.5:5173/', 'file:///tmp/x.html', 'javascript:alert(1)', 'garbage']) {
      expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: url }, false), url).toBeNull();
    }
    expect(devServerUrlFrom({}, false)).toBeNull();
  });

  it('knows loopback URLs', () => {
    expect(isLoopbackHttpUrl('http://127.5.0.1:80/')).toBe(true);
    expect(isLoopbackHttpUrl('http://127.0.0.1.example.com/')).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Service Desk</title>');
  writeFileSync(join(dir, 'assets', 'main.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'secret.html'), 'outside');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const handler = createAppProtocolHandler(dir, (p) => readFile(p));

  it('serves the renderer files with their types', async () => {
    const index = await handler(new Request('app://renderer/index.html#/queue'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('Service Desk');
    const root = await handler(new Request('app://renderer/'));
    expect(await root.text()).toContain('Service Desk');
    const js = await handler(new Request('app://renderer/assets/main.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('serves nothing outside the renderer folder, from other hosts, or missing', async () => {
    for (const url of ['app://renderer/../secret.html', 'app://renderer/%2e%2e/secret.html', 'app://renderer/..%2fsecret.html', 'app://other/index.html', 'app://renderer/missing.js', 'app://renderer/x%00.html']) {
      expect((await handler(new Request(url))).status, url).toBe(404);
    }
    // The URL parser folds '..' segments before the handler sees them: they stay inside the folder.
    expect(resolveAppRequest(dir, 'app://renderer/assets/../../secret.html')?.path).toBe(join(dir, 'secret.html'));
  });
});
