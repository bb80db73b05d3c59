import { Button, Field, Input, Tooltip, useId } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { Controller, useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { MAX_ANNOTATION_FILE_URIS } from '../../../../shared/contract/limits';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { EditorSection } from './EditorSection';
import { useListFieldStyles } from './ListFieldStyles';

const COLUMNS = { gridTemplateColumns: '20px minmax(0, 1fr) 32px' };

export function AnnotationUriFields() {
  const styles = useListFieldStyles();
  const limitId = useId('uri-limit-');
  const { control } = useFormContext<DatasetFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'uris' });
  const { errors } = useFormState({ control, name: 'uris' });
  const listError = errors.uris?.root?.message ?? errors.uris?.message;
  const full = fields.length >= MAX_ANNOTATION_FILE_URIS;

  return (
    <EditorSection
      title="Annotation files"
      aside={`${fields.length} of ${MAX_ANNOTATION_FILE_URIS}`}
      description="Absolute https addresses of COCO annotation files in blob storage."
    >
      <div className={styles.list}>
        {fields.map((item, index) => (
          <div key={item.id} className={styles.row} style={COLUMNS}>
            <span className={styles.index} aria-hidden="true">
              {index + 1}
            </span>
            <Controller
              control={control}
              name={`uris.${index}.value`}
              render={({ field, fieldState }) => (
                <Field validationMessage={fieldState.error?.message}>
                  <Input
                    {...field}
                    aria-label={`Annotation file URI ${index + 1}`}
                    onChange={(_event, data) => field.onChange(data.value)}
                    placeholder="https://account.blob.core.windows.net/container/train.json"
                    autoComplete="off"
                    spellCheck={false}
                  />
                </Field>
              )}
            />
            <Tooltip content={`Remove URI ${index + 1}`} relationship="label">
              <Button appearance="subtle" icon={<DismissRegular />} onClick={() => remove(index)} />
            </Tooltip>
          </div>
        ))}
      </div>
      {listError ? (
        <span role="alert" className={styles.listError}>
          {listError}
        </span>
      ) : null}
      <div className={styles.footer}>
        <Button
          appearance="secondary"
          icon={<AddRegular />}
          disabled={full}
          aria-describedby={full ? limitId : undefined}
          onClick={() => append({ value: '' }, { shouldFocus: true })}
        >
          Add URI
        </Button>
        {full ? (
          <span id={limitId} className={styles.limit}>
            A dataset holds at most {MAX_ANNOTATION_FILE_URIS} annotation files; remove one to add
            another.
          </span>
        ) : null}
      </div>
    </EditorSection>
  );
}
