import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  notices: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** What this start of the app wants the user to know (keys kept for the session, a damaged file). */
export function AppNotices({ notices }: { notices: string[] }) {
  const styles = useStyles();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const shown = notices.filter((notice) => !dismissed.has(notice));
  if (shown.length === 0) return null;
  return (
    <div className={styles.notices}>
      {shown.map((notice) => (
        <MessageBar key={notice} intent="warning" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => setDismissed((before) => new Set(before).add(notice))}
              />
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
