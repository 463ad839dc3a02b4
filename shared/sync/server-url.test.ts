import { describe, expect, it } from 'vitest';
import { checkSyncServerUrl, isLoopbackHost } from './server-url';

describe('sync server address', () => {
  it('accepts https to any host and trims trailing slashes', () => {
    expect(checkSyncServerUrl(' https://sync.example.com/ ')).toEqual({ ok: true, url: 'https://sync.example.com' });
    expect(checkSyncServerUrl('https://sync.example.com:8443/desk')).toEqual({ ok: true, url: 'https://sync.example.com:8443/desk' });
  });

  it('accepts plain http only to this machine', () => {
    for (const url of ['http://127.0.0.1:8787', 'http://localhost:8787/', 'http://[::1]:8787', 'http://127.1.2.3']) expect(checkSyncServerUrl(url).ok, url).toBe(true);
  });

  it('refuses plain http to any other host, so password and token never travel in clear', () => {
    for (const url of ['http://sync.example.com', 'http://192.168.1.10:8787', 'http://localhost.example.com', 'http://127.0.0.1.example.com', 'http://10.0.0.1']) {
      expect(checkSyncServerUrl(url), url).toEqual({ ok: false, reason: 'insecure' });
    }
  });

  it('refuses what is not a server address', () => {
    for (const url of ['', 'sync.example.com', 'ftp://sync.example.com', 'https://user:pw@sync.example.com', 'https://sync.example.com/?x=1', 'javascript:alert(1)']) {
      expect(checkSyncServerUrl(url), url).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});
