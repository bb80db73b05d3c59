import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, EditRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minHeight: '48px',
    padding: `0 ${tokens.spacingHorizontalXL}`,
    boxSizing: 'border-box',
  },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    minWidth: 0,
  },
  badge: { flexShrink: 0 },
  blocked: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    flexShrink: 0,
  },
  toolbar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  status: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteGreenForeground1,
    fontWeight: tokens.fontWeightSemibold,
    flexShrink: 0,
  },
  notices: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL} 0`,
    ':empty': { display: 'none' },
  },
  scroll: { flexGrow: 1, minHeight: 0, overflowY: 'auto' },
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} ${tokens.spacingVerticalXXL}`,
    maxWidth: '880px',
  },
});

interface EditorFrameProps {
  title: string;
  titleId: string;
  dirty: boolean;
  /** Some field is wrong, so Save is off: say so where the eye goes after a dead click. */
  invalid: boolean;
  /** What the last save came to ("Saved"), said in the status region; null says nothing. */
  status: string | null;
  toolbar: ReactNode;
  notices: ReactNode;
  children: ReactNode;
}

/** The editor's chrome: title and state, the command bar, messages, then the scrolling form. */
export function EditorFrame({
  title,
  titleId,
  dirty,
  invalid,
  status,
  toolbar,
  notices,
  children,
}: EditorFrameProps) {
  const styles = useStyles();
  return (
    <div className={styles.frame}>
      <div className={styles.header}>
        <h2 id={titleId} className={styles.title} title={title}>
          {title}
        </h2>
        {dirty ? (
          <Badge className={styles.badge} appearance="tint" color="warning" icon={<EditRegular />}>
            Unsaved changes
          </Badge>
        ) : null}
        {/* Always present, so a screen reader hears "Saved" when the text appears. */}
        <span role="status" className={styles.status}>
          {status !== null ? (
            <>
              <CheckmarkCircleRegular aria-hidden="true" />
              {status}
            </>
          ) : null}
        </span>
      </div>
      <div role="group" aria-label="Dataset commands" className={styles.toolbar}>
        {toolbar}
      </div>
      <div className={styles.notices}>
        {dirty && invalid ? (
          <span className={styles.blocked}>
            <ErrorCircleRegular aria-hidden="true" />
            Fix the marked fields to save.
          </span>
        ) : null}
        {notices}
      </div>
      <div className={styles.scroll}>
        <div className={styles.body}>{children}</div>
      </div>
    </div>
  );
}
