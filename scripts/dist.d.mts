// Types for scripts/dist.mjs.
import type { ElectronBinaryStatus } from './start.mjs';
export declare const missingElectronDistMessage: string;
export declare function electronBuilderArgs(env: Record<string, string | undefined>, extra: readonly string[]): string[];
export declare function buildInstallers(effects: {
  env: Record<string, string | undefined>;
  extra: readonly string[];
  distExists: (path: string) => boolean;
  ensure: () => ElectronBinaryStatus;
  build: () => number;
  pack: (args: string[]) => number;
  fail: (message: string) => number;
}): number;
