import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import type { ButtonProps } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

const SHOWN_MS = 2000;

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  said: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    ':empty': { display: 'none' },
  },
});

interface CopyButtonProps {
  /** What is copied, for the accessible name: "name" gives "Copy name". */
  what: string;
  text: string;
  size?: ButtonProps['size'];
}

/**
 * An icon button that puts `text` on the clipboard. "Copied" (or why not) shows beside it
 * for a moment in a live region, so a screen reader hears it worked, not only a sighted user.
 */
export function CopyButton({ what, text, size = 'small' }: CopyButtonProps) {
  const styles = useStyles();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const label = `Copy ${what}`;
  return (
    <span className={styles.wrap}>
      <Tooltip content={label} relationship="label" withArrow>
        <Button
          appearance="subtle"
          size={size}
          icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={() => {
            navigator.clipboard.writeText(text).then(
              () => setState('copied'),
              () => setState('failed'),
            );
          }}
        />
      </Tooltip>
      <span role="status" className={styles.said}>
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </span>
  );
}
