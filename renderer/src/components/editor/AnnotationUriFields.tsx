import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { MAX_ANNOTATION_FILE_URIS } from '../../../../shared/contract/limits';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { EditorSection } from './EditorSection';
import { ListFooter, ListTextBox, RemoveRowButton } from './ListFieldParts';
import { useListFieldStyles } from './ListFieldStyles';

const COLUMNS = { gridTemplateColumns: '20px minmax(0, 1fr) 32px' };

export function AnnotationUriFields() {
  const styles = useListFieldStyles();
  const { control } = useFormContext<DatasetFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'uris' });
  const { errors } = useFormState({ control, name: 'uris' });

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
            <ListTextBox
              name={`uris.${index}.value`}
              label={`Annotation file URI ${index + 1}`}
              placeholder="https://account.blob.core.windows.net/container/train.json"
              spellCheck={false}
            />
            <RemoveRowButton label={`Remove URI ${index + 1}`} onRemove={() => remove(index)} />
          </div>
        ))}
      </div>
      <ListFooter
        error={errors.uris?.root?.message ?? errors.uris?.message}
        addLabel="Add URI"
        full={fields.length >= MAX_ANNOTATION_FILE_URIS}
        limitMessage={`A dataset holds at most ${MAX_ANNOTATION_FILE_URIS} annotation files; remove one to add another.`}
        onAdd={() => append({ value: '' }, { shouldFocus: true })}
      />
    </EditorSection>
  );
}
