import { Button } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { CategoryRow } from './category-bars';
import { formatShare } from './category-bars';
import { useCategoriesStyles } from './categories-styles';
import { StandingMarker } from './StandingMarker';
import { useScrolls } from './use-scrolls';

/** Rows on one page: up to 5,000 categories stay light on the page and quick to scroll. */
export const TABLE_PAGE = 100;

/** The chart's numbers as a table, every category, in pages of TABLE_PAGE that scroll in place. */
export function CategoryTable({ rows }: { rows: CategoryRow[] }) {
  const styles = useCategoriesStyles();
  const [page, setPage] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const pages = Math.max(1, Math.ceil(rows.length / TABLE_PAGE));
  const current = Math.min(page, pages - 1);
  const scrolls = useScrolls(box, current);
  const first = current * TABLE_PAGE;
  const pageRows = rows.slice(first, first + TABLE_PAGE);
  const range =
    pages > 1
      ? `Rows ${(first + 1).toLocaleString()} to ${(first + pageRows.length).toLocaleString()} of ${rows.length.toLocaleString()}`
      : '';
  const turnTo = (next: number) => {
    setPage(next);
    box.current?.scrollTo({ top: 0 });
  };
  return (
    <>
      <div
        ref={box}
        className={styles.tableScroll}
        // A box that scrolls must take focus, or a keyboard cannot reach its last rows.
        tabIndex={scrolls ? 0 : undefined}
      >
        <table className={styles.table}>
          <caption className={styles.caption}>
            {`Annotations per category, most first${range ? `: ${range.toLowerCase()}` : ''}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Id</th>
              <th scope="col">Annotations</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {pageRows.map((row) => (
              <tr key={row.position}>
                <td>
                  {row.name} <StandingMarker standing={row.standing} />
                </td>
                <td>{row.id}</td>
                <td>{row.annotations.toLocaleString()}</td>
                <td>{formatShare(row.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <div className={styles.controls}>
          <Button
            size="small"
            icon={<ChevronLeftRegular />}
            disabledFocusable={current === 0}
            onClick={() => turnTo(current - 1)}
          >
            Previous rows
          </Button>
          <span role="status">{range}</span>
          <Button
            size="small"
            icon={<ChevronRightRegular />}
            iconPosition="after"
            disabledFocusable={current === pages - 1}
            onClick={() => turnTo(current + 1)}
          >
            Next rows
          </Button>
        </div>
      ) : null}
    </>
  );
}
