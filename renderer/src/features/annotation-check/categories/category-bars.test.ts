import { describe, expect, it } from 'vitest';
import {
  barPercent,
  categoryRows,
  chartSummary,
  formatShare,
  legendText,
  minimumPerCategory,
  standingOf,
  topRows,
} from './category-bars';

const counts = (...annotations: number[]) =>
  annotations.map((n, i) => ({ id: i + 1, name: `label ${i + 1}`, annotations: n }));

describe('thin and unused categories', () => {
  it('takes the minimum from the rule for the kind and purpose', () => {
    expect(minimumPerCategory('imageClassification', 'training')).toBe(2);
    expect(minimumPerCategory('imageObjectDetection', 'training')).toBe(1);
  });

  it('marks a used category below the minimum thin, and one with none unused', () => {
    expect(standingOf(1, 2)).toBe('thin');
    expect(standingOf(2, 2)).toBe('enough');
    expect(standingOf(0, 2)).toBe('unused');
    // With a minimum of 1 (object detection) a used category is never thin.
    expect(standingOf(1, 1)).toBe('enough');
    expect(standingOf(0, 1)).toBe('unused');
  });
});

describe('categoryRows', () => {
  it('puts the most annotations first, equal counts in the file order', () => {
    const rows = categoryRows(counts(3, 10, 0, 3, 1), 17, 2);
    expect(rows.map((r) => r.id)).toEqual([2, 1, 4, 5, 3]);
    expect(rows.map((r) => r.standing)).toEqual(['enough', 'enough', 'enough', 'thin', 'unused']);
  });

  it('gives each share of the file total, including annotations of unlisted categories', () => {
    const rows = categoryRows(counts(3, 1), 8, 1);
    expect(rows.map((r) => r.share)).toEqual([0.375, 0.125]);
    expect(categoryRows(counts(0), 0, 1)[0]?.share).toBe(0);
  });
});

describe('topRows', () => {
  it('keeps the first N and tells what the rest holds', () => {
    const rows = categoryRows(counts(5, 4, 1, 0, 0, 9), 19, 2);
    const { shown, hidden } = topRows(rows, 3);
    expect(shown.map((r) => r.annotations)).toEqual([9, 5, 4]);
    expect(hidden).toEqual({ count: 3, thin: 1, unused: 2 });
  });

  it('shows everything when there are fewer rows than N', () => {
    const { shown, hidden } = topRows(categoryRows(counts(1, 2), 3, 1), 20);
    expect(shown).toHaveLength(2);
    expect(hidden).toEqual({ count: 0, thin: 0, unused: 0 });
  });
});

describe('bars and words', () => {
  it('scales bars to the largest and keeps a used one visible', () => {
    expect(barPercent(50, 100)).toBe(50);
    expect(barPercent(1, 1_000_000)).toBe(0.5);
    expect(barPercent(0, 100)).toBe(0);
  });

  it('formats shares without claiming 0% for a used category', () => {
    expect(formatShare(0.125)).toBe('12.5%');
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(0.0001)).toBe('<0.1%');
    expect(formatShare(0)).toBe('0%');
  });

  it('sums the chart up in a sentence', () => {
    const rows = categoryRows(counts(5, 1, 0, 9), 15, 2);
    expect(chartSummary(rows, 4)).toBe(
      'Bar chart of annotations per category, most first, 4 of 4 shown; largest: label 4 9, label 1 5, label 2 1; 1 thin; 1 unused.',
    );
  });
});

describe('legendText', () => {
  it('says what thin means with the number', () => {
    expect(legendText(2, 'classification training')[0]?.text).toBe(
      'Thin: used by fewer than 2 annotations, the least Azure accepts per category for classification training.',
    );
  });

  it('does not promise thin marks when one annotation is enough', () => {
    const legend = legendText(1, 'object detection training')
      .map((line) => line.text)
      .join(' ');
    expect(legend).not.toContain('Thin');
    expect(legend).toContain('Unused: no annotations');
  });
});
