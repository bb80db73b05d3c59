import type { AnnotationKind } from '../../../../../shared/contract/dataset';
import type { CategoryCount, CheckPurpose } from '../../../../../shared/coco/report';
import { COUNT_LIMITS } from '../../../../../shared/coco/rules';

/**
 * The numbers behind the `Categories` chart and table: each category's annotations, its share
 * of the file's annotations, and whether it is thin (used, but below the least Azure accepts
 * for the kind and purpose: an error of the check) or unused (no annotations: a warning).
 */

export type CategoryStanding = 'enough' | 'thin' | 'unused';

export interface CategoryRow {
  id: number;
  name: string;
  annotations: number;
  /** Of the file's annotations, 0 to 1; 0 when the file has none. */
  share: number;
  standing: CategoryStanding;
  /** Its place in the file's `categories` list, from 0: the tie-break of the sort. */
  position: number;
}

/** Bars the chart shows until `Show all` is chosen: about a screen at 880 x 560. */
export const CHART_TOP = 20;

/** The fewest annotations a used category must have: the `annotations-per-category` rule. */
export function minimumPerCategory(kind: AnnotationKind, purpose: CheckPurpose): number {
  return COUNT_LIMITS[kind][purpose].annotationsPerUsedCategory;
}

export function standingOf(annotations: number, minimum: number): CategoryStanding {
  if (annotations <= 0) return 'unused';
  return annotations < minimum ? 'thin' : 'enough';
}

/**
 * Most annotations first; equal counts keep the file's order, so the same file always gives
 * the same chart. `totalAnnotations` is the file's count (annotations whose category is not
 * listed count too, so shares may add up to less than 100 %).
 */
export function categoryRows(
  counts: readonly CategoryCount[],
  totalAnnotations: number,
  minimum: number,
): CategoryRow[] {
  return counts
    .map((count, position) => ({
      id: count.id,
      name: count.name,
      annotations: count.annotations,
      share: totalAnnotations > 0 ? count.annotations / totalAnnotations : 0,
      standing: standingOf(count.annotations, minimum),
      position,
    }))
    .sort((a, b) => b.annotations - a.annotations || a.position - b.position);
}

export interface Tally {
  thin: number;
  unused: number;
}

export function tallyOf(rows: readonly CategoryRow[]): Tally {
  let thin = 0;
  let unused = 0;
  for (const row of rows) {
    if (row.standing === 'thin') thin++;
    else if (row.standing === 'unused') unused++;
  }
  return { thin, unused };
}

export interface TopRows {
  shown: CategoryRow[];
  /** How many rows are left out, and how many of those are thin or unused. */
  hidden: { count: number } & Tally;
}

export function topRows(rows: readonly CategoryRow[], top: number): TopRows {
  const shown = rows.slice(0, Math.max(0, top));
  const rest = rows.slice(shown.length);
  return { shown, hidden: { count: rest.length, ...tallyOf(rest) } };
}

/** The bar's length, as a percentage of the longest; a used category is never invisible. */
export function barPercent(annotations: number, most: number): number {
  if (annotations <= 0 || most <= 0) return 0;
  return Math.max(0.5, (annotations / most) * 100);
}

/** `12.5%`; a share too small to show at one decimal is `<0.1%`, not `0%`. */
export function formatShare(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.0005) return '<0.1%';
  return `${(share * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
}

/**
 * What the chart says in a sentence, for a screen reader (the table beside it has every
 * number): the largest categories, and how many are thin or unused.
 */
export function chartSummary(rows: readonly CategoryRow[], shown: number): string {
  const largest = rows
    .slice(0, 3)
    .map((row) => `${row.name} ${row.annotations.toLocaleString()}`)
    .join(', ');
  const parts = [
    `Bar chart of annotations per category, most first, ${shown.toLocaleString()} of ${rows.length.toLocaleString()} shown`,
  ];
  if (largest) parts.push(`largest: ${largest}`);
  const { thin, unused } = tallyOf(rows);
  if (thin > 0) parts.push(`${thin.toLocaleString()} thin`);
  if (unused > 0) parts.push(`${unused.toLocaleString()} unused`);
  return `${parts.join('; ')}.`;
}

/**
 * What the marks mean, with the number. With a minimum of 1 (object detection) a used category
 * always has enough, so only unused ones can be marked: the legend says so rather than
 * promising a `Thin` mark that never comes.
 */
export interface LegendLine {
  text: string;
  /** Drawn with the warning colour's swatch: a mark the chart can show. */
  marks: boolean;
}

export function legendText(minimum: number, doing: string): LegendLine[] {
  const unused = {
    text: 'Unused: no annotations (Azure warns of a category no annotation uses).',
    marks: true,
  };
  if (minimum <= 1) {
    return [
      unused,
      { text: `For ${doing}, 1 annotation is enough for a category that is used.`, marks: false },
    ];
  }
  return [
    {
      text: `Thin: used by fewer than ${minimum.toLocaleString()} annotations, the least Azure accepts per category for ${doing}.`,
      marks: true,
    },
    unused,
  ];
}
