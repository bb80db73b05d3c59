import { Badge, Button, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import {
  ArrowSortDownRegular,
  ArrowSortUpRegular,
  DocumentTableRegular,
} from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { ANNOTATION_KIND_LABELS, ANNOTATION_KIND_SHORT, plural } from '../../format/labels';
import { relativeTime, timeWithZone, useNow } from '../../format/time';
import { DEFAULT_SORT, nextSort, sortDatasets } from './dataset-order';
import { sasBadgeOf } from './sas-badge';
import type { RowSelection } from '../../features/bulk-edit/row-selection';
import type { DatasetSort, SortColumn } from './dataset-order';

const ROW_HEIGHT = 56;
const HEAD_HEIGHT = 28;

const useStyles = makeStyles({
  grid: {
    position: 'relative',
    flexGrow: 1,
    minHeight: 0,
    overflowY: 'auto',
    overflowX: 'hidden',
    outline: 'none',
    ':focus-visible .dm-row-active': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  head: {
    // Stays in view while the rows scroll under it: the sort buttons are always at hand.
    position: 'sticky',
    top: 0,
    zIndex: 1,
    height: `${HEAD_HEIGHT}px`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  headRow: {
    display: 'flex',
    alignItems: 'center',
    height: '100%',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS} 0 ${tokens.spacingHorizontalXXL}`,
  },
  // Room for the select-all box before `Name`, which then lines up with the rows' names.
  headRowSelectable: { paddingLeft: '36px' },
  headName: { flexGrow: 1 },
  sortButton: {
    minWidth: 0,
    height: '24px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
  },
  sortedButton: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  // A two-line row does not line up under this title: read, not shown.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  body: { position: 'relative', width: '100%' },
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    display: 'grid',
    gridTemplateColumns: '20px auto auto minmax(0, 1fr)',
    gridTemplateRows: '20px 18px',
    alignContent: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: '2px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    cursor: 'pointer',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: '18px',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
  },
  selected: {
    backgroundColor: tokens.colorSubtleBackgroundSelected,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundSelected },
    '::before': {
      content: '""',
      position: 'absolute',
      left: 0,
      top: '10px',
      bottom: '10px',
      width: '3px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
  icon: {
    gridRow: '1 / span 2',
    alignSelf: 'start',
    marginTop: '2px',
    fontSize: '20px',
    color: tokens.colorNeutralForeground3,
  },
  // The badge shares the name's line and the name gives way to it, so a narrow pane still
  // shows it whole: the facts' line below has no room to spare.
  name: {
    gridColumn: '2 / span 3',
    minWidth: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase300,
    lineHeight: '20px',
    fontWeight: tokens.fontWeightSemibold,
  },
  nameText: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  badge: { flexShrink: 0 },
  fact: { whiteSpace: 'nowrap' },
  separated: {
    '::before': { content: '"·"', marginRight: tokens.spacingHorizontalS },
  },
  last: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  checkCell: { gridRow: '1 / span 2', alignSelf: 'center', display: 'flex' },
  checkbox: {
    width: '16px',
    height: '16px',
    margin: '2px',
    accentColor: tokens.colorBrandBackground,
  },
  selectAll: {
    position: 'absolute',
    left: tokens.spacingHorizontalL,
    top: 0,
    bottom: 0,
    display: 'flex',
    alignItems: 'center',
  },
});

interface DatasetGridProps {
  datasets: RedactedDataset[];
  selectedName: string | undefined;
  onOpen: (name: string) => void;
  /** Shown beside a row's name, e.g. its result of `Check all datasets`. */
  rowStatus?: (name: string) => ReactNode;
  /** Checkboxes for `Edit selected`; none without. */
  selection?: RowSelection;
}

/**
 * The datasets as a virtualized grid (column headers for screen readers, each row's facts on
 * a second line so long names fit a narrow pane): only the rows in view (and a few around) exist, so ten
 * thousand datasets scroll like ten. Focus stays on the grid and moves a highlighted row
 * (aria-activedescendant), because a focused row could be recycled away while scrolling.
 * Arrows move, Enter or a click opens; with checkboxes, Space checks a row and Ctrl+A all shown.
 */
const SORT_COLUMNS: { column: SortColumn; title: string }[] = [
  { column: 'name', title: 'Name' },
  { column: 'kind', title: 'Kind' },
  { column: 'updated', title: 'Updated' },
];

export function DatasetGrid({
  datasets: given,
  selectedName,
  onOpen,
  rowStatus,
  selection,
}: DatasetGridProps) {
  const styles = useStyles();
  const [sort, setSort] = useState<DatasetSort>(DEFAULT_SORT);
  const datasets = useMemo(() => sortDatasets(given, sort), [given, sort]);
  const idPrefix = useId('dataset-row-');
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeState, setActive] = useState<number | undefined>(undefined);
  const selectedIndex = datasets.findIndex((d) => d.name === selectedName);
  const active = Math.min(
    activeState ?? (selectedIndex >= 0 ? selectedIndex : 0),
    datasets.length - 1,
  );

  // The virtualizer hands out functions React Compiler cannot see through; nothing is memoized here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: datasets.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // The rows start below the sticky header, and a row scrolled to must not hide under it.
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    overscan: 10,
    getItemKey: (index) => datasets[index]?.name ?? index,
  });

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(index, datasets.length - 1));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const names = () => datasets.map((d) => d.name);
  const allChecked =
    selection !== undefined &&
    datasets.length > 0 &&
    datasets.every((d) => selection.checked.has(d.name));

  const onKeyDown = (event: KeyboardEvent) => {
    // Ctrl+A within the list checks every row shown (the filter's result), not the page's text.
    if (selection && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      selection.onCheckAll(names(), true);
      return;
    }
    // Keys on a header's sort button are that button's own (Enter and Space press it).
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: datasets.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (selection && event.key === ' ') {
      // With checkboxes, Space checks the highlighted row (Shift: the range up to it), as in a
      // multi-select list; Enter still opens it.
      event.preventDefault();
      const dataset = datasets[active];
      if (dataset) selection.onCheck(dataset.name, event.shiftKey, names());
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const dataset = datasets[active];
      if (dataset) onOpen(dataset.name);
    }
  };

  const rowId = (index: number) => `${idPrefix}${index}`;
  const items = virtualizer.getVirtualItems();
  // Only a row that exists can be pointed at; scrolled far away, the highlight waits.
  const activeRendered = items.some((item) => item.index === active);
  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label="Datasets"
      aria-rowcount={datasets.length + 1}
      aria-colcount={selection ? 5 : 4}
      aria-activedescendant={activeRendered ? rowId(active) : undefined}
      tabIndex={0}
      className={styles.grid}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className={styles.head}>
        <div
          role="row"
          aria-rowindex={1}
          className={mergeClasses(styles.headRow, selection && styles.headRowSelectable)}
        >
          {selection ? (
            <div role="columnheader" className={styles.selectAll}>
              <input
                type="checkbox"
                className={styles.checkbox}
                aria-label="Select all datasets shown"
                checked={allChecked}
                onChange={() => selection.onCheckAll(names(), !allChecked)}
              />
            </div>
          ) : null}
          {SORT_COLUMNS.map(({ column, title }) => {
            const sorted = sort.column === column;
            const header = (
              <div
                key={column}
                role="columnheader"
                aria-sort={sorted ? sort.direction : undefined}
                className={column === 'name' ? styles.headName : undefined}
              >
                <Button
                  appearance="transparent"
                  size="small"
                  className={mergeClasses(styles.sortButton, sorted && styles.sortedButton)}
                  icon={
                    sorted ? (
                      sort.direction === 'ascending' ? (
                        <ArrowSortUpRegular />
                      ) : (
                        <ArrowSortDownRegular />
                      )
                    ) : undefined
                  }
                  iconPosition="after"
                  onClick={() => {
                    setSort(nextSort(sort, column));
                    // The highlight follows the open dataset, not a position in the old order.
                    setActive(undefined);
                  }}
                >
                  {title}
                </Button>
              </div>
            );
            return column === 'updated'
              ? [
                  <div key="files" role="columnheader" className={styles.hidden}>
                    Annotation files
                  </div>,
                  header,
                ]
              : header;
          })}
        </div>
      </div>
      <div role="rowgroup" className={styles.body} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const dataset = datasets[item.index];
          if (!dataset) return null;
          const selected = dataset.name === selectedName;
          const sasBadge = sasBadgeOf(dataset, new Date(now));
          const expiresAt = dataset.authentication?.sasInsight?.expiresAt;
          return (
            <div
              key={item.key}
              id={rowId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={selected}
              aria-label={dataset.name}
              className={mergeClasses(
                styles.row,
                selected && styles.selected,
                item.index === active && 'dm-row-active',
              )}
              style={{ transform: `translateY(${item.start - HEAD_HEIGHT}px)` }}
              onClick={() => {
                setActive(item.index);
                onOpen(dataset.name);
              }}
            >
              {selection ? (
                <div role="gridcell" className={styles.checkCell}>
                  <input
                    type="checkbox"
                    className={styles.checkbox}
                    aria-label={`Select ${dataset.name}`}
                    checked={selection.checked.has(dataset.name)}
                    // One stop for the whole grid: Space checks the highlighted row.
                    tabIndex={-1}
                    onClick={(event) => {
                      event.stopPropagation();
                      setActive(item.index);
                    }}
                    onChange={(event) =>
                      selection.onCheck(
                        dataset.name,
                        (event.nativeEvent as MouseEvent).shiftKey === true,
                        names(),
                      )
                    }
                  />
                </div>
              ) : (
                <DocumentTableRegular className={styles.icon} aria-hidden="true" />
              )}
              <div role="gridcell" className={styles.name}>
                <span className={styles.nameText} title={dataset.name}>
                  {dataset.name}
                </span>
                {sasBadge ? (
                  <Badge
                    className={styles.badge}
                    appearance="tint"
                    color={sasBadge === 'SAS expired' ? 'danger' : 'warning'}
                    title={
                      expiresAt
                        ? `${sasBadge === 'SAS expired' ? 'Expired' : 'Expires'} ${timeWithZone(expiresAt)}`
                        : undefined
                    }
                  >
                    {sasBadge}
                  </Badge>
                ) : null}
                {rowStatus?.(dataset.name)}
              </div>
              <div
                role="gridcell"
                className={styles.fact}
                title={ANNOTATION_KIND_LABELS[dataset.annotationKind]}
              >
                {ANNOTATION_KIND_SHORT[dataset.annotationKind]}
              </div>
              <div role="gridcell" className={mergeClasses(styles.fact, styles.separated)}>
                {plural(dataset.annotationFileUris.length, 'URI')}
              </div>
              <div
                role="gridcell"
                className={mergeClasses(styles.last, styles.separated)}
                title={timeWithZone(dataset.updatedDateTime)}
              >
                Updated {relativeTime(dataset.updatedDateTime, now)}
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}
