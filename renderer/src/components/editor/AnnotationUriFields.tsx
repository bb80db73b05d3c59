import { Button, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ClipboardEvent } from 'react';
import { useFieldArray, useFormContext, useFormState } from 'react-hook-form';
import { MAX_ANNOTATION_FILE_URIS } from '../../../../shared/contract/limits';
import {
  ANNOTATION_URI_HINT,
  placePastedUris,
  splitPastedUris,
} from '../../../../shared/contract/input-rules';
import { AnnotationFileTools } from '../../features/annotation-check/AnnotationFileTools';
import { useAnnotationCheckScope } from '../../features/annotation-check/check-scope';
import { placeSelectedUris } from '../../features/browse-files/place-selected';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { EditorSection } from './EditorSection';
import { ListFooter, ListTextBox, RemoveRowButton } from './ListFieldParts';
import { useListFieldStyles } from './ListFieldStyles';

const COLUMNS = { gridTemplateColumns: '20px minmax(0, 1fr) 32px' };

export function AnnotationUriFields() {
  const styles = useListFieldStyles();
  const { control, getValues } = useFormContext<DatasetFormValues>();
  const { fields, append, remove, replace } = useFieldArray({ control, name: 'uris' });
  const { errors } = useFormState({ control, name: 'uris' });
  // Addresses a paste brought beyond the limit: kept on screen to copy, never dropped unseen.
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const [leftOutHow, setLeftOutHow] = useState<'pasted' | 'selected'>('pasted');
  const checkScope = useAnnotationCheckScope();

  // A single address pastes as usual; several become rows, since one box holds one address.
  const pasteInto = (index: number) => (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = splitPastedUris(event.clipboardData.getData('text'));
    if (pasted.length < 2) return;
    event.preventDefault();
    const rows = getValues('uris').map((uri) => uri.value);
    const placed = placePastedUris(rows, index, pasted);
    replace(placed.rows.map((value) => ({ value })));
    setLeftOut(placed.leftOut);
    setLeftOutHow('pasted');
  };

  // Files picked in `Browse files` go where a paste would: empty rows first, then new rows.
  const addBrowsed = (uris: string[]) => {
    const placed = placeSelectedUris(
      getValues('uris').map((uri) => uri.value),
      uris,
    );
    replace(placed.rows.map((value) => ({ value })));
    setLeftOut(placed.leftOut);
    setLeftOutHow('selected');
    return placed;
  };

  return (
    <EditorSection
      title="Annotation files"
      aside={`${fields.length} of ${MAX_ANNOTATION_FILE_URIS}`}
      description={ANNOTATION_URI_HINT}
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
              onPaste={pasteInto(index)}
              copyWhat={`URI ${index + 1}`}
            />
            <RemoveRowButton label={`Remove URI ${index + 1}`} onRemove={() => remove(index)} />
          </div>
        ))}
      </div>
      {leftOut.length > 0 ? (
        <div role="status" className={styles.list}>
          <span className={styles.listError}>
            {`A dataset holds at most ${MAX_ANNOTATION_FILE_URIS} annotation files, so ${leftOut.length} ${leftOutHow} ${leftOut.length === 1 ? 'address was' : 'addresses were'} not added. Copy ${leftOut.length === 1 ? 'it' : 'them'} from here before dismissing:`}
          </span>
          <Textarea
            readOnly
            aria-label="URIs not added"
            value={leftOut.join('\n')}
            rows={Math.min(leftOut.length, 5)}
            spellCheck={false}
          />
          <div className={styles.footer}>
            <Button appearance="secondary" onClick={() => setLeftOut([])}>
              Dismiss
            </Button>
          </div>
        </div>
      ) : null}
      <ListFooter
        error={errors.uris?.root?.message ?? errors.uris?.message}
        addLabel="Add URI"
        full={fields.length >= MAX_ANNOTATION_FILE_URIS}
        limitMessage={`A dataset holds at most ${MAX_ANNOTATION_FILE_URIS} annotation files; remove one to add another.`}
        onAdd={() => append({ value: '' }, { shouldFocus: true })}
      />
      {checkScope ? <AnnotationFileTools scope={checkScope} onAddUris={addBrowsed} /> : null}
    </EditorSection>
  );
}
