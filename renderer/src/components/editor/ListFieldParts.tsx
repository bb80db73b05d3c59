import { Button, Field, Input, Tooltip, useId } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import type { ClipboardEvent } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import type { FieldPath } from 'react-hook-form';
import type { DatasetFormValues } from '../../forms/dataset-form';
import { CopyButton } from '../common/CopyButton';
import { useListFieldStyles } from './ListFieldStyles';

/** One text box of a list row, bound to the form, with its message underneath. */
export function ListTextBox({
  name,
  label,
  placeholder,
  spellCheck = true,
  onPaste,
  copyWhat,
}: {
  name: FieldPath<DatasetFormValues>;
  label: string;
  placeholder?: string;
  spellCheck?: boolean;
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  /** Offers a copy button ("Copy URI 1") and the whole value as a tooltip, for long URIs. */
  copyWhat?: string;
}) {
  const { control } = useFormContext<DatasetFormValues>();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <Field validationMessage={fieldState.error?.message}>
          <Input
            {...field}
            value={typeof field.value === 'string' ? field.value : ''}
            aria-label={label}
            onChange={(_event, data) => field.onChange(data.value)}
            placeholder={placeholder}
            autoComplete="off"
            spellCheck={spellCheck}
            onPaste={onPaste}
            title={copyWhat && typeof field.value === 'string' ? field.value : undefined}
            contentAfter={
              copyWhat && typeof field.value === 'string' && field.value !== '' ? (
                <CopyButton what={copyWhat} text={field.value} />
              ) : undefined
            }
          />
        </Field>
      )}
    />
  );
}

/** The row's remove button, named for the row (the UI contract's `Remove URI 1`, …). */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <Tooltip content={label} relationship="label">
      <Button appearance="subtle" icon={<DismissRegular />} onClick={onRemove} />
    </Tooltip>
  );
}

/** Under a list: its own problem (e.g. too many entries), the add button, and why it is off. */
export function ListFooter({
  error,
  addLabel,
  full,
  limitMessage,
  onAdd,
}: {
  error: string | undefined;
  addLabel: string;
  full: boolean;
  limitMessage: string;
  onAdd: () => void;
}) {
  const styles = useListFieldStyles();
  const limitId = useId('list-limit-');
  return (
    <>
      {error ? (
        <span role="alert" className={styles.listError}>
          {error}
        </span>
      ) : null}
      <div className={styles.footer}>
        <Button
          appearance="secondary"
          icon={<AddRegular />}
          disabled={full}
          aria-describedby={full ? limitId : undefined}
          onClick={onAdd}
        >
          {addLabel}
        </Button>
        {full ? (
          <span id={limitId} className={styles.limit}>
            {limitMessage}
          </span>
        ) : null}
      </div>
    </>
  );
}
