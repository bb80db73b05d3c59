import type { AnnotationKind } from '../contract/dataset';

/**
 * What the COCO checker (checker.ts) finds in one annotation file: its statistics and its
 * problems, grouped by rule. Plain data: made in main, shown by the page.
 */

/** Training by default: the dataset does not say, and training's limits are the usual ones. */
export type CheckPurpose = 'training' | 'evaluation';

export type Severity = 'error' | 'warning';

export interface CocoCheckOptions {
  kind: AnnotationKind;
  purpose: CheckPurpose;
  /** The most problems listed per rule (the total is still counted); 100 by default. */
  maxPerRule?: number;
  /** Called for each image as it is read, so a caller can sample the images without keeping them. */
  onImage?: (image: CocoImageRef) => void;
  /**
   * Called for each annotation whose image_id and category_id are integers (bbox only when it is
   * 4 finite numbers, as written): a caller keeps those of the images it wants, not all of them.
   */
  onAnnotation?: (annotation: CocoAnnotationRef) => void;
}

export interface CocoAnnotationRef {
  imageId: number;
  categoryId: number;
  bbox?: [number, number, number, number];
}

export interface CocoImageRef {
  /** Its place in the file: `images[index]`. */
  index: number;
  fileName: string;
  /** The `coco_url` or `absolute_url` as written (an absolute blob URI when the file is right). */
  url: string;
  /** Its `id`, when an integer. */
  imageId?: number;
  /** In pixels, when whole numbers above 0. */
  width?: number;
  height?: number;
}

export interface ProblemInstance {
  /** Where, in the file's own terms: `annotations[41].bbox`, `images[0].coco_url`, `categories`. */
  location: string;
  /** What is wrong and what to do about it, in a sentence. */
  message: string;
}

export interface RuleProblems {
  /** Stable id of the rule (rules.ts), e.g. `bbox-relative`, `ids-one-based`. */
  rule: string;
  /** The rule in a few words, as a heading. */
  title: string;
  severity: Severity;
  /** Every instance found, also those past the listed ones. */
  total: number;
  /** The first instances, at most `maxPerRule`. */
  instances: ProblemInstance[];
}

export interface CategoryCount {
  id: number;
  name: string;
  annotations: number;
}

export interface CocoStatistics {
  images: number;
  annotations: number;
  categories: number;
  /** Per category, in the file's order (at most the first 5,000 categories are listed). */
  categoryCounts: CategoryCount[];
  imagesWithoutAnnotations: number;
  /** Null when no image had a usable number. */
  width: { min: number; max: number } | null;
  height: { min: number; max: number } | null;
}

export interface CocoReport {
  kind: AnnotationKind;
  purpose: CheckPurpose;
  statistics: CocoStatistics;
  /** Errors first, then warnings; each rule once. Empty: no problems found. */
  problems: RuleProblems[];
  /** Counted over every rule: what the summary says. */
  errorCount: number;
  warningCount: number;
}
