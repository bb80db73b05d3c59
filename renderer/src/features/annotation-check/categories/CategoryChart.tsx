import { Button, mergeClasses, useId } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { plural } from '../../../format/labels';
import type { CategoryRow } from './category-bars';
import { CHART_TOP, barPercent, chartSummary, legendText, topRows } from './category-bars';
import { useCategoriesStyles } from './categories-styles';
import { StandingMarker } from './StandingMarker';
import { useScrolls } from './use-scrolls';

interface CategoryChartProps {
  /** Sorted, most annotations first. */
  rows: CategoryRow[];
  minimum: number;
  /** `classification training`: what the minimum is for, in the legend. */
  doing: string;
}

/**
 * Horizontal bars of annotations per category, as plain SVG: the top CHART_TOP, or all of them
 * on `Show all`. One image to a screen reader, summed up in its label; the table below it has
 * every number.
 */
export function CategoryChart({ rows, minimum, doing }: CategoryChartProps) {
  const styles = useCategoriesStyles();
  const chartId = useId('category-chart-');
  const [showAll, setShowAll] = useState(false);
  const { shown, hidden } = topRows(rows, showAll ? rows.length : CHART_TOP);
  const most = rows[0]?.annotations ?? 0;
  const box = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(box, showAll);
  const left = topRows(rows, CHART_TOP).hidden;
  return (
    <>
      <div
        id={chartId}
        role="img"
        aria-label={chartSummary(rows, shown.length)}
        ref={box}
        className={mergeClasses(styles.chart, showAll && styles.chartScroll)}
        // Thousands of bars scroll in place; a keyboard user scrolls them with the arrows.
        tabIndex={scrolls ? 0 : undefined}
      >
        {shown.map((row) => (
          <div key={row.position} className={styles.row}>
            <span className={styles.name} title={row.name}>
              {row.name}
            </span>
            <svg className={styles.track} aria-hidden="true" focusable="false">
              <rect
                className={row.standing === 'enough' ? styles.bar : styles.thinBar}
                x="0"
                y="0"
                height="12"
                rx="2"
                width={`${barPercent(row.annotations, most)}%`}
              />
            </svg>
            <span className={styles.count}>
              {row.annotations.toLocaleString()}
              <StandingMarker standing={row.standing} />
            </span>
          </div>
        ))}
      </div>
      {hidden.count > 0 || left.count > 0 ? (
        <div className={styles.controls}>
          {hidden.count > 0 ? <p className={styles.more}>{moreText(hidden)}</p> : null}
          <Button
            appearance="subtle"
            size="small"
            icon={showAll ? <ChevronUpRegular /> : <ChevronDownRegular />}
            aria-expanded={showAll}
            aria-controls={chartId}
            onClick={() => setShowAll((all) => !all)}
          >
            {showAll
              ? `Show the top ${CHART_TOP}`
              : `Show all ${plural(rows.length, 'category', 'categories')}`}
          </Button>
        </div>
      ) : null}
      <ul className={styles.legend} aria-label="Legend">
        <li className={styles.legendItem}>
          <Swatch className={styles.bar} />
          Annotations of each category, most first; equal counts in the file&apos;s order.
        </li>
        {legendText(minimum, doing).map((line) => (
          <li key={line.text} className={styles.legendItem}>
            {line.marks ? (
              <Swatch className={styles.thinBar} />
            ) : (
              <span className={styles.swatch} />
            )}
            {line.text}
          </li>
        ))}
      </ul>
    </>
  );
}

function Swatch({ className }: { className: string }) {
  const styles = useCategoriesStyles();
  return (
    <svg className={styles.swatch} aria-hidden="true" focusable="false">
      <rect className={className} x="0" y="0" width="10" height="10" rx="2" />
    </svg>
  );
}

function moreText(hidden: { count: number; thin: number; unused: number }): string {
  const marked = [];
  if (hidden.thin > 0) marked.push(`${hidden.thin.toLocaleString()} thin`);
  if (hidden.unused > 0) marked.push(`${hidden.unused.toLocaleString()} unused`);
  const more = `and ${hidden.count.toLocaleString()} more`;
  return marked.length > 0 ? `${more} (${marked.join(', ')})` : more;
}
