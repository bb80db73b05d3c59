import { makeStyles, tokens, useId } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  header: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  aside: {
    marginLeft: 'auto',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  description: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

interface EditorSectionProps {
  title: string;
  /** For a control the title names (a radio group): otherwise one is made up. */
  titleId?: string;
  aside?: ReactNode;
  description?: ReactNode;
  children: ReactNode;
}

/** One card of the editor: a titled group of related fields. */
export function EditorSection({
  title,
  titleId,
  aside,
  description,
  children,
}: EditorSectionProps) {
  const styles = useStyles();
  const ownId = useId('section-');
  const id = titleId ?? ownId;
  return (
    <section className={styles.card} aria-labelledby={id}>
      <div className={styles.header}>
        <h3 id={id} className={styles.title}>
          {title}
        </h3>
        {aside ? <span className={styles.aside}>{aside}</span> : null}
      </div>
      {description ? <p className={styles.description}>{description}</p> : null}
      {children}
    </section>
  );
}
