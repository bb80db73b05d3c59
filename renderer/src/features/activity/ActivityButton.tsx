import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { PulseRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { onDemand } from '../../components/common/on-demand';

const ActivityDialog = onDemand('ActivityDialog', () =>
  import('./ActivityDialog').then((m) => m.ActivityDialog),
);

const useStyles = makeStyles({
  // On the header's brand colour in every state: Fluent's hover colour would be brand on brand.
  onBrand: {
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, textDecorationLine: 'underline' },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active .fui-Button__icon': { color: tokens.colorNeutralForegroundOnBrand },
  },
});

/** The header's `Activity` button: the log of the requests the app made, on demand. */
export function ActivityButton({ className }: { className?: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        appearance="transparent"
        className={mergeClasses(styles.onBrand, className)}
        icon={<PulseRegular />}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        Activity
      </Button>
      {open ? <ActivityDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}
