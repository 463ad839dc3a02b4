/**
 * Saves a Blob as a file through an <a download> link. Works in browsers and in Electron's
 * renderer alike (Electron shows its save dialog), so no host call is needed for a backup.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download before the browser reads the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
