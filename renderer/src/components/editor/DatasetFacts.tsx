import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { RedactedDataset } from '../../../../shared/contract/redacted-dataset';
import { absoluteTime, relativeTime, timeWithZone, useNow } from '../../format/time';
import { CopyButton } from '../common/CopyButton';
import { EditorSection } from './EditorSection';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

/** What the service sets: shown, never edited. */
export function DatasetFacts({ dataset }: { dataset: RedactedDataset }) {
  const styles = useStyles();
  const now = useNow();
  const facts = [
    {
      label: 'Created',
      value: absoluteTime(dataset.createdDateTime),
      iso: dataset.createdDateTime,
    },
    {
      label: 'Updated',
      value: absoluteTime(dataset.updatedDateTime),
      iso: dataset.updatedDateTime,
    },
  ];
  return (
    <EditorSection title="Details" description="Set by the service.">
      <div className={styles.grid}>
        {facts.map((fact) => (
          <Field key={fact.label} label={fact.label} hint={relativeTime(fact.iso, now)}>
            <Input
              readOnly
              appearance="filled-darker"
              value={fact.value}
              title={timeWithZone(fact.iso)}
            />
          </Field>
        ))}
        <Field label="ETag">
          <Input
            readOnly
            appearance="filled-darker"
            value={dataset.eTag}
            input={{ className: styles.mono }}
            contentAfter={<CopyButton what="ETag" text={dataset.eTag} />}
          />
        </Field>
      </div>
    </EditorSection>
  );
}
