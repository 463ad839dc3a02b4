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
export declare function ensureElectronBinary(effects: {
  findBinary: () => ElectronBinaryStatus;
  runInstaller: () => number;
  log: (line: string) => void;
}): ElectronBinaryStatus;
export declare function runElectronInstaller(electronPackageDir: string | null, env?: Record<string, string | undefined>, stdio?: 'inherit' | 'pipe'): number;
export declare function ensureElectronHere(root: string): ElectronBinaryStatus;
export declare function startDesktop<T>(effects: { ensure: () => ElectronBinaryStatus; launch: () => T; fail: (message: string) => T }): T;
