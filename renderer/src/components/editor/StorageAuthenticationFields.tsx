import { Button, Field, Input, makeStyles, tokens, useId } from '@fluentui/react-components';
import type { LabelProps } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ElementType } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { AUTHENTICATION_KINDS } from '../../../../shared/contract/dataset';
import type { SasInsight } from '../../../../shared/storage/sas-insight';
import { AUTHENTICATION_LABELS } from '../../format/labels';
import { absoluteTime, useNow } from '../../format/time';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { ChoiceGroup } from '../common/ChoiceGroup';
import { LEARN_URLS, LearnLink } from '../common/LearnLink';
import { EditorSection } from './EditorSection';
import { SasExpiryText, SasTokenWarnings } from './SasTokenInsight';
import { sasTokenNotes, shownSasInsight } from './sas-token-notes';

const useStyles = makeStyles({
  token: { maxWidth: '560px' },
  // The label keeps its own name; the expiry sits at the end of its line.
  labelLine: {
    display: 'flex',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
  },
  explanation: {
    margin: 0,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

const CHOICES = AUTHENTICATION_KINDS.map((kind) => ({
  value: kind,
  label: AUTHENTICATION_LABELS[kind],
}));

const EXPLANATIONS: Record<DatasetFormValues['authKind'], string> = {
  none: 'The annotation files are public, or the service reaches them some other way.',
  managedIdentity: 'The service reads the files with its own managed identity.',
  sas: 'The service appends a shared access signature to each file address.',
};

interface StorageAuthenticationFieldsProps {
  hasSavedSasToken: boolean;
  /** A token typed before a restart is kept with the unsaved edits (the page never has it). */
  keptSasToken?: boolean;
  /** What main read from the saved token (never the token itself). */
  savedSasInsight?: SasInsight;
}

export function StorageAuthenticationFields({
  hasSavedSasToken,
  keptSasToken = false,
  savedSasInsight,
}: StorageAuthenticationFieldsProps) {
  const styles = useStyles();
  const titleId = useId('auth-title-');
  const explanationId = useId('auth-explanation-');
  const expiryId = useId('sas-expiry-');
  const { control } = useFormContext<DatasetFormValues>();
  const kind = useWatch({ control, name: 'authKind' });
  const typedToken = useWatch({ control, name: 'sasToken' });
  const [showToken, setShowToken] = useState(false);
  const now = useNow();
  const insight = shownSasInsight(
    typedToken,
    hasSavedSasToken ? savedSasInsight : undefined,
    keptSasToken,
  );
  const notes = insight ? sasTokenNotes(insight, new Date(now), absoluteTime) : undefined;

  return (
    <EditorSection title="Storage authentication" titleId={titleId}>
      <Controller
        control={control}
        name="authKind"
        render={({ field }) => (
          <ChoiceGroup
            labelledBy={titleId}
            describedBy={explanationId}
            choices={CHOICES}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            firstRef={field.ref}
          />
        )}
      />
      <p id={explanationId} className={styles.explanation}>
        {EXPLANATIONS[kind]}{' '}
        {kind === 'managedIdentity' ? (
          <LearnLink href={LEARN_URLS.managedIdentity}>Managed identities on Learn</LearnLink>
        ) : kind === 'sas' ? (
          <LearnLink href={LEARN_URLS.sasTokens}>SAS tokens on Learn</LearnLink>
        ) : null}
      </p>
      {kind === 'sas' ? (
        <>
          <Controller
            control={control}
            name="sasToken"
            render={({ field, fieldState }) => (
              <Field
                className={styles.token}
                label={{
                  children: (Label: ElementType<LabelProps>, props: LabelProps) => (
                    <div className={styles.labelLine}>
                      <Label {...props}>SAS token</Label>
                      {notes ? <SasExpiryText id={expiryId} notes={notes} /> : null}
                    </div>
                  ),
                }}
                validationMessage={fieldState.error?.message}
                hint={
                  keptSasToken
                    ? 'The token you typed is kept safely with your unsaved edits; type a new one to replace it.'
                    : hasSavedSasToken
                      ? 'A token is saved; type a new one to replace it.'
                      : 'Only the token, the part after “?”: sv=…&sig=…'
                }
              >
                <Input
                  {...field}
                  type={showToken ? 'text' : 'password'}
                  aria-required={!hasSavedSasToken}
                  aria-describedby={notes ? expiryId : undefined}
                  onChange={(_event, data) => field.onChange(data.value)}
                  autoComplete="off"
                  spellCheck={false}
                  contentAfter={
                    <Button
                      appearance="transparent"
                      size="small"
                      icon={showToken ? <EyeOffRegular /> : <EyeRegular />}
                      // A toggle keeps one name; its pressed state says whether the token shows.
                      aria-label="Show token"
                      aria-pressed={showToken}
                      onClick={() => setShowToken((shown) => !shown)}
                    />
                  }
                />
              </Field>
            )}
          />
          {notes ? <SasTokenWarnings notes={notes} /> : null}
        </>
      ) : null}
    </EditorSection>
  );
}
