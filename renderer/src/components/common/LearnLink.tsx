import { Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { OpenRegular } from '@fluentui/react-icons';

/*
 * Microsoft Learn pages for what the app asks about. Only learn.microsoft.com: the desktop
 * app hands a new-window link to the system browser only for that host (electron/main
 * navigation-policy), and anything else would go nowhere.
 */
export const LEARN_URLS = {
  datasets:
    'https://learn.microsoft.com/azure/ai-services/computer-vision/concept-model-customization',
  sasTokens: 'https://learn.microsoft.com/azure/storage/common/storage-sas-overview',
  managedIdentity:
    'https://learn.microsoft.com/entra/identity/managed-identities-azure-resources/overview',
} as const;

const useStyles = makeStyles({
  link: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontSize: tokens.fontSizeBase200,
  },
  icon: { fontSize: '12px' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/**
 * A link that opens in the system browser (the desktop app) or a new tab (browser mode): a
 * new window, never the app's own, so edits in progress stay where they are.
 */
export function LearnLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <Link
      href={href}
      target="_blank"
      rel="noreferrer"
      className={mergeClasses(styles.link, className)}
    >
      {children}
      <OpenRegular className={styles.icon} aria-hidden="true" />
      <span className={styles.hidden}> (opens in a new window)</span>
    </Link>
  );
}
