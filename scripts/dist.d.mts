// Types for scripts/dist.mjs.
export declare const missingElectronDistMessage: string;
export declare function electronBuilderArgs(env: Record<string, string | undefined>, extra: readonly string[]): string[];
