import type { CocoReport } from '../../../../shared/coco/report';

/** The rules a fixed copy mends: boxes in pixels, ids not 1..N, and (with a base URL) coco_url. */
const FIXABLE_RULES = new Set(['bbox-relative', 'ids-one-based']);
const URL_RULE = 'image-url';

export interface Fixable {
  /** `Create fixed copy` is offered. */
  offered: boolean;
  /** The report has coco_url problems: the dialog asks for the images' folder. */
  needsBaseUrl: boolean;
}

export function fixableIn(report: CocoReport | undefined): Fixable {
  const rules = new Set(report?.problems.map((p) => p.rule) ?? []);
  const needsBaseUrl = rules.has(URL_RULE);
  const offered = needsBaseUrl || [...FIXABLE_RULES].some((rule) => rules.has(rule));
  return { offered, needsBaseUrl };
}

/** A URI as rows and checks may write it: without a query string, %-escapes decoded. */
function comparable(uri: string): string {
  const bare = uri.trim().replace(/[?#][\s\S]*$/, '');
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/** The form row that holds the checked file's URI, or -1 when the form no longer lists it. */
export function rowIndexOf(rows: readonly string[], fileUri: string): number {
  const wanted = comparable(fileUri);
  return rows.findIndex((row) => comparable(row) === wanted);
}
