import type { AnnotationKind } from '../contract/dataset';
import type { CheckPurpose, Severity } from './report';

/**
 * The COCO rules Azure model customization applies (see the team's coco-rules.md), as data:
 * the checker reports against these ids, the page shows their titles. Errors are what
 * Microsoft's own checker rejects (a training or evaluation run then fails with
 * `datasetCorrupt`); warnings are where the documentation is stricter than that checker.
 */

export const RULE_IDS = [
  'json-syntax',
  'structure-top-level',
  'image-fields',
  'image-url',
  'annotation-fields',
  'category-fields',
  'ids-unique',
  'ids-one-based',
  'image-reference',
  'category-reference',
  'bbox-format',
  'bbox-relative',
  'image-count',
  'image-size',
  'category-count',
  'annotations-per-category',
  'file-name-unique',
  'category-count-documented',
  'regions-per-image',
  'one-label-per-image',
  'unused-categories',
  'category-names-unique',
  'category-names-meaningful',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface CocoRule {
  id: RuleId;
  title: string;
  severity: Severity;
  /** The annotation kinds the rule applies to. */
  kinds: readonly AnnotationKind[];
  purposes: readonly CheckPurpose[];
  /** Why the rule exists: the service's checker, or only its documentation. */
  source: 'checker' | 'documentation';
}

const BOTH_KINDS: readonly AnnotationKind[] = ['imageClassification', 'imageObjectDetection'];
const DETECTION: readonly AnnotationKind[] = ['imageObjectDetection'];
const CLASSIFICATION: readonly AnnotationKind[] = ['imageClassification'];
const BOTH_PURPOSES: readonly CheckPurpose[] = ['training', 'evaluation'];

function rule(
  id: RuleId,
  title: string,
  severity: Severity,
  kinds: readonly AnnotationKind[] = BOTH_KINDS,
  source: CocoRule['source'] = severity === 'error' ? 'checker' : 'documentation',
): CocoRule {
  return { id, title, severity, kinds, purposes: BOTH_PURPOSES, source };
}

/** In the order the page lists them within a severity. */
export const COCO_RULES: readonly CocoRule[] = [
  rule('json-syntax', 'The file is complete, valid JSON', 'error'),
  rule(
    'structure-top-level',
    'The top level is an object with images, annotations and categories lists',
    'error',
  ),
  rule('image-fields', 'Images have id, width, height and file_name', 'error'),
  rule('image-url', 'Images have an absolute coco_url or absolute_url', 'error'),
  rule('annotation-fields', 'Annotations have id, image_id and category_id', 'error'),
  rule('category-fields', 'Categories have id and name', 'error'),
  rule('ids-unique', 'Ids are unique in their list', 'error'),
  rule('ids-one-based', 'Ids run from 1 to the length of their list', 'error'),
  rule('image-reference', 'Every image_id names an image in the file', 'error'),
  rule('category-reference', 'Every category_id names a category in the file', 'error'),
  rule('bbox-format', 'Boxes are [left, top, width, height]', 'error', DETECTION),
  rule('bbox-relative', 'Boxes are relative to the image (0 to 1), not pixels', 'error', DETECTION),
  rule('image-count', 'The number of images is within the limits', 'error'),
  rule('image-size', 'Image width and height are within the limits', 'error'),
  rule('category-count', 'The number of categories is within the limits', 'error'),
  rule('annotations-per-category', 'Every category used has enough annotations', 'error'),
  rule('file-name-unique', 'File names are unique', 'warning', BOTH_KINDS, 'checker'),
  rule(
    'category-count-documented',
    'The number of categories is within the documented limit',
    'warning',
  ),
  rule('regions-per-image', 'At most 1,000 regions per image', 'warning', DETECTION),
  rule('one-label-per-image', 'Every image has exactly one label', 'warning', CLASSIFICATION),
  rule('unused-categories', 'Every category is used', 'warning', BOTH_KINDS, 'checker'),
  rule('category-names-unique', 'Category names are unique', 'warning', BOTH_KINDS, 'checker'),
  rule('category-names-meaningful', 'Category names say what they are', 'warning'),
];

const RULES_BY_ID = new Map(COCO_RULES.map((r) => [r.id, r]));

export function cocoRule(id: RuleId): CocoRule {
  const found = RULES_BY_ID.get(id);
  if (!found) throw new Error(`Unknown COCO rule ${id}.`);
  return found;
}

/** The position of a rule in COCO_RULES: the order problems are listed in. */
export function ruleOrder(id: RuleId): number {
  return RULE_IDS.indexOf(id);
}

export interface Range {
  min: number;
  max: number;
}

export interface CountLimits {
  images: Range;
  /** Each image's width and height, in pixels. */
  imageSide: Range;
  categories: Range;
  /** The fewest annotations a category that is used at all must have. */
  annotationsPerUsedCategory: number;
}

const TRAINING_SIDE: Range = { min: 10, max: 10_240 };
const EVALUATION_SIDE: Range = { min: 50, max: 16_000 };

/** The service checker's count table, per kind and purpose. */
export const COUNT_LIMITS: Record<AnnotationKind, Record<CheckPurpose, CountLimits>> = {
  imageClassification: {
    training: {
      images: { min: 2, max: 1_000_000 },
      imageSide: TRAINING_SIDE,
      categories: { min: 2, max: 2_000 },
      annotationsPerUsedCategory: 2,
    },
    evaluation: {
      images: { min: 1, max: 100_000 },
      imageSide: EVALUATION_SIDE,
      categories: { min: 2, max: 2_000 },
      annotationsPerUsedCategory: 1,
    },
  },
  imageObjectDetection: {
    training: {
      images: { min: 1, max: 200_000 },
      imageSide: TRAINING_SIDE,
      categories: { min: 1, max: 2_000 },
      annotationsPerUsedCategory: 1,
    },
    evaluation: {
      images: { min: 1, max: 100_000 },
      imageSide: EVALUATION_SIDE,
      categories: { min: 1, max: 2_000 },
      annotationsPerUsedCategory: 1,
    },
  },
};

/**
 * The concept page's limits. For classification its 2,500 categories is looser than the
 * checker's 2,000, so only detection's 1,000 can add a warning of its own.
 */
export const DOCUMENTED_LIMITS = {
  categories: { imageClassification: 2_500, imageObjectDetection: 1_000 },
  regionsPerImage: 1_000,
  labelsPerClassificationImage: 1,
} as const;

/**
 * Names that say nothing of what they label: numbers and placeholders such as `class_3`,
 * `label 2`, `object`. Classification shows the names as the predicted labels.
 */
const PLACEHOLDER_NAME =
  /^(?:[\d\s_.-]*|(?:class|category|label|tag|object|obj|item|type|id|c|l|n)[\s_-]*\d+|class|category|label|tag|object|item|unknown|none|null|undefined|misc|todo)$/i;

export function isMeaninglessCategoryName(name: string): boolean {
  return PLACEHOLDER_NAME.test(name.trim());
}
