/** Where the app's own renderer is loaded from: the packaged file or the dev server. */
export type TrustedRendererOrigin = {
  /** file:// URL of out/renderer/index.html (query and hash ignored). */
  rendererFileUrl: string;
  /** ELECTRON_RENDERER_URL in development, otherwise null. */
  devServerUrl: string | null;
};

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True only for a frame showing the app's own renderer: the exact index.html file, or a page on
 * the dev server's origin. Anything else (other files, remote sites, data:, about:blank) is a
 * frame that must not reach the host.
 */
export function isTrustedSenderUrl(url: string, expected: TrustedRendererOrigin): boolean {
  const actual = parseUrl(url);
  if (!actual) return false;
  if (actual.protocol === 'file:') {
    const file = parseUrl(expected.rendererFileUrl);
    return file !== null && file.protocol === 'file:' && actual.host === file.host && actual.pathname === file.pathname;
  }
  if (expected.devServerUrl === null) return false;
  const dev = parseUrl(expected.devServerUrl);
  if (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:')) return false;
  return actual.origin === dev.origin;
}

/** The part of an IPC event the trust check looks at (Electron's senderFrame). */
export type SenderFrameLike = { readonly url: string; readonly parent?: unknown } | null;

/** Only the top frame of the app's renderer is trusted; sub-frames and vanished frames are not. */
export function isTrustedSenderFrame(frame: SenderFrameLike, expected: TrustedRendererOrigin): boolean {
  if (!frame) return false;
  if (frame.parent !== undefined && frame.parent !== null) return false;
  return isTrustedSenderUrl(frame.url, expected);
}
