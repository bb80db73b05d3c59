export interface Fingerprint {
  contents: string;
  /** Null when a file was written too recently for its mtime to be trusted. */
  stats: string | null;
}
export declare const REPO: string;
export declare const BUILD_INPUTS: readonly string[];
export declare const BUILD_OUTPUTS: readonly string[];
export declare const STAMP_FILE: string;
export declare const WEB_SERVER: string;
export declare function fingerprint(repo: string, paths: readonly string[]): Fingerprint;
export declare function checkStamp(
  repo?: string,
): { fresh: true } | { fresh: false; reason: string };
export declare function writeStamp(repo: string, sources: Fingerprint): void;
export declare function electronViteBin(repo?: string): string;
export declare function ensureBuild(options?: { repo?: string }): Promise<{ built: boolean }>;
