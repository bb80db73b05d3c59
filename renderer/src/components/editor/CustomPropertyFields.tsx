import { Button, Field, Input, Tooltip, useId } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { Controller, useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { MAX_CUSTOM_PROPERTIES } from '../../../../shared/contract/limits';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { EditorSection } from './EditorSection';
import { useListFieldStyles } from './ListFieldStyles';

const COLUMNS = { gridTemplateColumns: '20px minmax(0, 2fr) minmax(0, 3fr) 32px' };

export function CustomPropertyFields() {
  const styles = useListFieldStyles();
  const limitId = useId('property-limit-');
  const { control } = useFormContext<DatasetFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'properties' });
  const { errors } = useFormState({ control, name: 'properties' });
  const listError = errors.properties?.root?.message ?? errors.properties?.message;
  const full = fields.length >= MAX_CUSTOM_PROPERTIES;

  return (
    <EditorSection
      title="Custom properties"
      aside={`${fields.length} of ${MAX_CUSTOM_PROPERTIES}`}
      description="Your own labels for this dataset, such as its owner or source."
    >
      {fields.length === 0 ? (
        <p className={styles.empty}>No custom properties.</p>
      ) : (
        <div className={styles.list}>
          <div className={styles.columnHeads} style={COLUMNS} aria-hidden="true">
            <span />
            <span>Name</span>
            <span>Value</span>
          </div>
          {fields.map((item, index) => (
            <div key={item.id} className={styles.row} style={COLUMNS}>
              <span className={styles.index} aria-hidden="true">
                {index + 1}
              </span>
              <Controller
                control={control}
                name={`properties.${index}.name`}
                render={({ field, fieldState }) => (
                  <Field validationMessage={fieldState.error?.message}>
                    <Input
                      {...field}
                      aria-label={`Property name ${index + 1}`}
                      onChange={(_event, data) => field.onChange(data.value)}
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </Field>
                )}
              />
              <Controller
                control={control}
                name={`properties.${index}.value`}
                render={({ field, fieldState }) => (
                  <Field validationMessage={fieldState.error?.message}>
                    <Input
                      {...field}
                      aria-label={`Property value ${index + 1}`}
                      onChange={(_event, data) => field.onChange(data.value)}
                      autoComplete="off"
                    />
                  </Field>
                )}
              />
              <Tooltip content={`Remove property ${index + 1}`} relationship="label">
                <Button
                  appearance="subtle"
                  icon={<DismissRegular />}
                  onClick={() => remove(index)}
                />
              </Tooltip>
            </div>
          ))}
        </div>
      )}
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
          onClick={() => append({ name: '', value: '' }, { shouldFocus: true })}
        >
          Add property
        </Button>
        {full ? (
          <span id={limitId} className={styles.limit}>
            A dataset holds at most {MAX_CUSTOM_PROPERTIES} custom properties.
          </span>
        ) : null}
      </div>
    </EditorSection>
  );
}
