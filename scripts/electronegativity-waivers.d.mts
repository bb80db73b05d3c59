export interface Waiver {
  line: number;
  checks: string[];
  reason: string;
}
export interface Finding {
  severity: string;
  check: string;
  file: string;
  line: number;
}
export declare function parseWaivers(text: string): Waiver[];
export declare function applyWaivers<F extends Finding>(
  findings: readonly F[],
  waiversByFile: ReadonlyMap<string, readonly Waiver[]>,
  where?: string,
): { findings: (F & { explanation: string | undefined })[]; problems: string[] };
