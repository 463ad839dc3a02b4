// Every file the app imports is read whole into memory and parsed on the page; a file far beyond
// anything real (a 2 GB "calendar") would freeze or crash the window before validation could say
// no. Each import kind has a ceiling well above the largest real file of its kind.

const MB = 1024 * 1024;

/** The largest file accepted per import, in bytes. */
export const importSizeLimits = {
  /** The whole configuration (policies, calendars, matrices): real ones are well under 1 MB. */
  config: 5 * MB,
  /** A device backup: 100k tickets with their history are about 150 MB. */
  backup: 256 * MB,
  /** An escalation matrix as CSV or JSON: a few hundred rows. */
  matrix: 2 * MB,
  /** A holiday calendar (.ics): national feeds for decades are under 1 MB. */
  ics: 5 * MB,
} as const;

export type ImportKind = keyof typeof importSizeLimits;

export type ImportSizeCheck = { ok: true } | { ok: false; size: string; limit: string };

/** Bytes as a short text ("3.2 MB", "512 KB") for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${(Math.round((bytes / MB) * 10) / 10).toString()} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toString()} KB`;
}

/** Whether a file of `bytes` may be imported as `kind`; when not, both sizes ready to show. */
export function checkImportSize(kind: ImportKind, bytes: number): ImportSizeCheck {
  const limit = importSizeLimits[kind];
  return bytes <= limit ? { ok: true } : { ok: false, size: formatBytes(bytes), limit: formatBytes(limit) };
}
