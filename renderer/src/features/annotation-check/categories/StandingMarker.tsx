import { WarningRegular } from '@fluentui/react-icons';
import type { CategoryStanding } from './category-bars';
import { useCategoriesStyles } from './categories-styles';

const MARKS: Record<Exclude<CategoryStanding, 'enough'>, string> = {
  thin: 'Thin',
  unused: 'Unused',
};

/** `Thin` or `Unused` in words beside the warning colour, so colour is never the only sign. */
export function StandingMarker({ standing }: { standing: CategoryStanding }) {
  const styles = useCategoriesStyles();
  if (standing === 'enough') return null;
  return (
    <span className={styles.marker}>
      <WarningRegular aria-hidden="true" />
      {MARKS[standing]}
    </span>
  );
}
