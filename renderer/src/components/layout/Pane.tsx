import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    minHeight: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '48px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    boxSizing: 'border-box',
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    // The pane's name stays whole; what is beside it (context, counts) gives way first.
    flexShrink: 0,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  // A leading button brings its own padding; the title keeps the room it needs.
  withLeading: { paddingLeft: tokens.spacingHorizontalS, columnGap: tokens.spacingHorizontalXS },
  // Folded: only the leading control shows; the title stays for screen readers.
  collapsedHeader: { padding: `0 ${tokens.spacingHorizontalS}`, justifyContent: 'center' },
  hiddenTitle: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  headerExtra: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
});

interface PaneProps {
  title: ReactNode;
  titleId: string;
  /** Shown beside the title: counts, badges. */
  headerExtra?: ReactNode;
  /** Before the title, e.g. the button that folds the pane. */
  leading?: ReactNode;
  /** Folded to a strip: the header shows only `leading`, the content is not rendered. */
  collapsed?: boolean;
  children: ReactNode;
  className?: string;
}

/** One column of the window: a titled region, its content filling the rest. */
export function Pane({
  title,
  titleId,
  headerExtra,
  leading,
  collapsed = false,
  children,
  className,
}: PaneProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby={titleId} className={mergeClasses(styles.pane, className)}>
      <div
        className={mergeClasses(
          styles.header,
          leading !== undefined && styles.withLeading,
          collapsed && styles.collapsedHeader,
        )}
      >
        {/* First in the header in both states, so the folding button keeps focus as it folds. */}
        {leading}
        <h2 id={titleId} className={mergeClasses(styles.title, collapsed && styles.hiddenTitle)}>
          {title}
        </h2>
        {collapsed ? null : <div className={styles.headerExtra}>{headerExtra}</div>}
      </div>
      {collapsed ? null : children}
    </section>
  );
}
