import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Controller, useFormContext } from 'react-hook-form';
import { ANNOTATION_KINDS } from '../../../../shared/contract/dataset';
import type { AnnotationKind } from '../../../../shared/contract/dataset';
import { ANNOTATION_KIND_LABELS } from '../../format/labels';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { CopyButton } from '../common/CopyButton';
import { EditorSection } from './EditorSection';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
  },
});

export function GeneralFields({ nameEditable }: { nameEditable: boolean }) {
  const styles = useStyles();
  const { control } = useFormContext<DatasetFormValues>();
  return (
    <EditorSection title="General">
      <div className={styles.row}>
        <Controller
          control={control}
          name="name"
          render={({ field, fieldState }) => (
            <Field
              label="Name"
              validationMessage={fieldState.error?.message}
              hint={
                nameEditable
                  ? 'Letters, digits, “.”, “_” and “-”; it cannot be changed later.'
                  : undefined
              }
            >
              <Input
                {...field}
                readOnly={!nameEditable}
                aria-required={nameEditable}
                appearance={nameEditable ? 'outline' : 'filled-darker'}
                onChange={(_event, data) => field.onChange(data.value)}
                autoComplete="off"
                spellCheck={false}
                contentAfter={
                  nameEditable ? undefined : <CopyButton what="name" text={field.value} />
                }
              />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="annotationKind"
          render={({ field, fieldState }) => (
            <Field label="Annotation kind" validationMessage={fieldState.error?.message}>
              <Select
                ref={field.ref}
                name={field.name}
                value={field.value}
                onBlur={field.onBlur}
                onChange={(_event, data) => field.onChange(data.value as AnnotationKind)}
              >
                {ANNOTATION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {ANNOTATION_KIND_LABELS[kind]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        />
      </div>
    </EditorSection>
  );
}
