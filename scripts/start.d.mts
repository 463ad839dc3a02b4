// Types for scripts/start.mjs (plain JS so that `npm start` needs no compiler).
export type ElectronBinaryStatus = { ok: true; path: string } | { ok: false; reason: string };
export declare const missingElectronMessage: string;
export declare function electronBinaryStatus(input: {
  electronPackageDir: string | null;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  readText: (path: string) => string;
}): ElectronBinaryStatus;
export declare function findElectronPackageDir(fromDir: string): string | null;
