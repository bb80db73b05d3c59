import { describe, expect, it } from 'vitest';
import { COCO_RULES, COUNT_LIMITS, isMeaninglessCategoryName, RULE_IDS } from './rules';

describe('the COCO rules', () => {
  it('has each rule once, errors before warnings, kept in the order of their ids', () => {
    expect(COCO_RULES.map((r) => r.id)).toEqual([...RULE_IDS]);
    const severities = COCO_RULES.map((r) => r.severity);
    expect(severities).toEqual([...severities].sort());
  });

  it('keeps the checker table: classification training takes 2 to 1,000,000 images', () => {
    expect(COUNT_LIMITS.imageClassification.training.images).toEqual({ min: 2, max: 1_000_000 });
    expect(COUNT_LIMITS.imageObjectDetection.evaluation.imageSide).toEqual({
      min: 50,
      max: 16_000,
    });
  });

  it('tells placeholder category names from real ones', () => {
    for (const name of [
      '',
      ' ',
      '0',
      '12',
      'class_1',
      'Category 3',
      'label-2',
      'c1',
      'object',
      'unknown',
    ]) {
      expect(isMeaninglessCategoryName(name), name).toBe(true);
    }
    for (const name of ['cat', 'dog 2', 'scratch', 'class A', 'Objekt', 'タンク', 'cat5e cable']) {
      expect(isMeaninglessCategoryName(name), name).toBe(false);
    }
  });
});
