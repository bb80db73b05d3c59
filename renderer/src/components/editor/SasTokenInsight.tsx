import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { timeWithZone } from '../../format/time';
import type { SasTokenNotes } from './sas-token-notes';

const useStyles = makeStyles({
  expiry: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
  },
  soon: { color: tokens.colorPaletteDarkOrangeForeground1 },
  expired: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // As wide as the token box it is about.
  bar: { maxWidth: '560px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface SasExpiryTextProps {
  id: string;
  notes: SasTokenNotes;
}

/** `Expires in N days` and the like, with the exact local time and zone on hover. */
export function SasExpiryText({ id, notes }: SasExpiryTextProps) {
  const styles = useStyles();
  const { expiry, expiresAt } = notes;
  return (
    <span
      id={id}
      className={mergeClasses(
        styles.expiry,
        expiry.state === 'soon' && styles.soon,
        expiry.state === 'expired' && styles.expired,
      )}
      title={
        expiresAt
          ? `${expiry.state === 'expired' ? 'Expired' : 'Expires'} ${timeWithZone(expiresAt)}`
          : undefined
      }
    >
      {expiry.text}
    </span>
  );
}

/** What stops the token from working, in one warning bar; nothing when all is well. */
export function SasTokenWarnings({ notes }: { notes: SasTokenNotes }) {
  const styles = useStyles();
  const { warnings } = notes;
  if (warnings.length === 0) return null;
  return (
    <MessageBar className={styles.bar} intent="warning" layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>Check the SAS token</MessageBarTitle>
        {warnings.length === 1 ? (
          warnings[0]
        ) : (
          <ul className={styles.list}>
            {warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
