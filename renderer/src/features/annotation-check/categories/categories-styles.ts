import { makeStyles, tokens } from '@fluentui/react-components';
import { reportHeading, reportNote } from '../report-styles';

const FORCED_COLORS = '@media (forced-colors: active)';

export const useCategoriesStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: reportHeading,
  note: reportNote,
  // Three columns shared by every bar: name, bar, count; the rows are `display: contents`.
  chart: {
    display: 'grid',
    gridTemplateColumns: 'minmax(3rem, max-content) minmax(4rem, 1fr) max-content',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    minWidth: 0,
  },
  // `Show all` with thousands of bars: they scroll in place, the report stays usable.
  chartScroll: {
    maxHeight: '20rem',
    overflowY: 'auto',
    paddingRight: tokens.spacingHorizontalXS,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  row: { display: 'contents' },
  name: {
    maxWidth: '12rem',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  track: { display: 'block', width: '100%', height: '12px' },
  bar: {
    fill: tokens.colorBrandBackground,
    [FORCED_COLORS]: { fill: 'CanvasText' },
  },
  thinBar: {
    fill: tokens.colorStatusWarningBackground3,
    [FORCED_COLORS]: { fill: 'Highlight' },
  },
  count: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalXS,
    fontVariantNumeric: 'tabular-nums',
    whiteSpace: 'nowrap',
  },
  marker: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    color: tokens.colorStatusWarningForeground1,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  more: { margin: 0, color: tokens.colorNeutralForeground3 },
  controls: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
  legend: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  legendItem: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
  swatch: { flexShrink: 0, width: '10px', height: '10px' },
  tableScroll: {
    maxHeight: '15rem',
    overflowY: 'auto',
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'left',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      overflowWrap: 'anywhere',
    },
    '& th': {
      // A header breaks between words only: `Annotations` stays whole.
      overflowWrap: 'normal',
      position: 'sticky',
      top: 0,
      backgroundColor: tokens.colorNeutralBackground1,
      fontWeight: tokens.fontWeightSemibold,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& td:nth-child(n+2), & th:nth-child(n+2)': {
      textAlign: 'right',
      fontVariantNumeric: 'tabular-nums',
    },
    // Numbers never break; headers may, so four columns fit a narrow editor.
    '& td:nth-child(n+2)': { whiteSpace: 'nowrap' },
  },
  caption: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground2,
  },
});
