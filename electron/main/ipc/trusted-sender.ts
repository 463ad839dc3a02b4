import { appHost, appScheme, isLoopbackHttpUrl } from '../renderer-origin';

/** Where the app's own renderer is loaded from: the app:// origin, or a local dev server in development. */
export type TrustedRendererOrigin = {
  /** ELECTRON_RENDERER_URL when the app is not packaged and it is a loopback URL, otherwise null. */
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
 * True only for a frame showing the app's own renderer: a page on the app:// origin, or on the
 * loopback dev server's origin in development. Anything else (files, remote sites, data:,
 * about:blank) is a frame that must not reach the host.
 */
export function isTrustedSenderUrl(url: string, expected: TrustedRendererOrigin): boolean {
  const actual = parseUrl(url);
  if (!actual) return false;
  if (actual.protocol === `${appScheme}:`) return actual.host === appHost;
  if (expected.devServerUrl === null || !isLoopbackHttpUrl(expected.devServerUrl)) return false;
  const dev = parseUrl(expected.devServerUrl);
  return dev !== null && actual.origin === dev.origin;
}

/** The part of an IPC event the trust check looks at (Electron's senderFrame). */
export type SenderFrameLike = { readonly url: string; readonly parent?: unknown } | null;

/** Only the top frame of the app's renderer is trusted; sub-frames and vanished frames are not. */
export function isTrustedSenderFrame(frame: SenderFrameLike, expected: TrustedRendererOrigin): boolean {
  if (!frame) return false;
  if (frame.parent !== undefined && frame.parent !== null) return false;
  return isTrustedSenderUrl(frame.url, expected);
}
