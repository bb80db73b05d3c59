import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MessageBarIntent } from '@fluentui/react-components';
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

export interface Notice {
  /** Stays the same while the notice means the same thing, so a dismissal sticks. */
  id: string;
  intent: MessageBarIntent;
  text: string;
  /** Shown after the text: links that act on what the notice is about. */
  links?: { label: string; onClick: () => void }[];
}

/**
 * A stack of message bars under the header, each of which the user can dismiss. A named
 * region, so that a screen reader's landmarks reach it like the rest of the page; `label`
 * tells one stack from another.
 */
export function DismissibleNotices({ notices, label }: { notices: Notice[]; label: string }) {
  const styles = useStyles();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const shown = notices.filter((notice) => !dismissed.has(notice.id));
  if (shown.length === 0) return null;
  return (
    <section className={styles.notices} aria-label={label}>
      {shown.map((notice) => (
        <MessageBar key={notice.id} intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.text}
            {notice.links?.map((link, index) => (
              <span key={link.label}>
                {index === 0 ? ' ' : ', '}
                <Link as="button" onClick={link.onClick}>
                  {link.label}
                </Link>
              </span>
            ))}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label="Dismiss"
                icon={<DismissRegular />}
                onClick={() => setDismissed((before) => new Set(before).add(notice.id))}
              />
            }
          />
        </MessageBar>
      ))}
    </section>
  );
}
