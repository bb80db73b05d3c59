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
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
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
  children: ReactNode;
  className?: string;
}

/** One column of the window: a titled region, its content filling the rest. */
export function Pane({ title, titleId, headerExtra, children, className }: PaneProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby={titleId} className={mergeClasses(styles.pane, className)}>
      <div className={styles.header}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        <div className={styles.headerExtra}>{headerExtra}</div>
      </div>
      {children}
    </section>
  );
}
