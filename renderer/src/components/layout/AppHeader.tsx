import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { DatabaseRegular } from '@fluentui/react-icons';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { ActivityButton } from '../../features/activity/ActivityButton';
import { LEARN_URLS, LearnLink } from '../common/LearnLink';
import { ThemeMenu } from './ThemeMenu';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    height: '44px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    flexShrink: 0,
  },
  icon: { fontSize: '22px' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  end: {
    marginLeft: 'auto',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  learn: {
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForegroundOnBrand,
    textDecorationLine: 'underline',
    ':hover': { color: tokens.colorNeutralForegroundOnBrand },
    ':hover:active': { color: tokens.colorNeutralForegroundOnBrand },
  },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
});

export function AppHeader({ info }: { info: AppInfo | undefined }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <DatabaseRegular className={styles.icon} aria-hidden="true" />
      <h1 className={styles.title}>Dataset Manager</h1>
      <span className={styles.end}>
        {info ? (
          <Caption1 className={styles.onBrand}>
            {info.mode === 'browser' ? 'Browser mode' : 'Desktop'} · v{info.version}
          </Caption1>
        ) : null}
        <ActivityButton />
        <LearnLink href={LEARN_URLS.datasets} className={styles.learn}>
          Datasets on Learn
        </LearnLink>
        <ThemeMenu className={styles.onBrand} />
      </span>
    </header>
  );
}
