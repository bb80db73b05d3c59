import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { MAX_CUSTOM_PROPERTIES } from '../../../../shared/contract/limits';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { EditorSection } from './EditorSection';
import { ListFooter, ListTextBox, RemoveRowButton } from './ListFieldParts';
import { useListFieldStyles } from './ListFieldStyles';

// In a narrow editor the value goes under its name, both as wide as the row.
const NARROW = '@container dm-editor (max-width: 479px)';
const useStyles = makeStyles({
  columns: {
    gridTemplateColumns: '20px minmax(0, 2fr) minmax(0, 3fr) 32px',
    [NARROW]: { gridTemplateColumns: '20px minmax(0, 1fr) 32px' },
  },
  heads: { [NARROW]: { display: 'none' } },
  row: {
    [NARROW]: {
      rowGap: tokens.spacingVerticalXS,
      '& > :nth-child(3)': { gridColumn: '2', gridRow: '2' },
      '& > :nth-child(4)': { gridColumn: '3', gridRow: '1' },
    },
  },
});

export function CustomPropertyFields() {
  const styles = useListFieldStyles();
  const layout = useStyles();
  const { control } = useFormContext<DatasetFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'properties' });
  const { errors } = useFormState({ control, name: 'properties' });

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
          <div
            className={mergeClasses(styles.columnHeads, layout.columns, layout.heads)}
            aria-hidden="true"
          >
            <span />
            <span>Name</span>
            <span>Value</span>
          </div>
          {fields.map((item, index) => (
            <div key={item.id} className={mergeClasses(styles.row, layout.columns, layout.row)}>
              <span className={styles.index} aria-hidden="true">
                {index + 1}
              </span>
              <ListTextBox
                name={`properties.${index}.name`}
                label={`Property name ${index + 1}`}
                placeholder="Name"
                spellCheck={false}
              />
              <ListTextBox
                name={`properties.${index}.value`}
                label={`Property value ${index + 1}`}
                placeholder="Value"
              />
              <RemoveRowButton
                label={`Remove property ${index + 1}`}
                onRemove={() => remove(index)}
              />
            </div>
          ))}
        </div>
      )}
      <ListFooter
        error={errors.properties?.root?.message ?? errors.properties?.message}
        addLabel="Add property"
        full={fields.length >= MAX_CUSTOM_PROPERTIES}
        limitMessage={`A dataset holds at most ${MAX_CUSTOM_PROPERTIES} custom properties.`}
        onAdd={() => append({ name: '', value: '' }, { shouldFocus: true })}
      />
    </EditorSection>
  );
}
