import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PlugConnectedRegular } from '@fluentui/react-icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { ConnectionSummary, SecretStorageInfo } from '../../../../shared/ipc/contract';
import type { AppError } from '../../../../shared/ipc/errors';
import { toAppError } from '../../api/app-error';
import {
  addRequestFrom,
  connectionFormDefaults,
  connectionFormSchema,
  testRequestFrom,
  updateRequestFrom,
} from '../../forms/connection-form';
import type { ConnectionFormValues } from '../../forms/connection-form';
import {
  useAddConnection,
  useTestConnection,
  useUpdateConnection,
} from '../../hooks/use-connections';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { ErrorAlert } from '../common/ErrorAlert';
import { describeTestFailure } from './test-result';
import { useReturnFocus } from '../../hooks/use-return-focus';

const useStyles = makeStyles({
  surface: { maxWidth: '560px' },
  content: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalXS,
  },
});

type TestState = { kind: 'ok' } | { kind: 'failed'; error: AppError } | null;

const FIELDS = ['name', 'endpoint', 'key'] as const;

export interface ConnectionDialogProps {
  /** Absent: add a new connection. */
  connection?: ConnectionSummary;
  secretStorage: SecretStorageInfo | undefined;
  /** Opened to fix a refused or missing key: the key field has focus, not the name. */
  focusKey?: boolean;
  onClose: () => void;
  onSaved: (connection: ConnectionSummary) => void;
}

export function ConnectionDialogView({
  connection,
  secretStorage,
  focusKey = false,
  onClose,
  onSaved,
}: ConnectionDialogProps) {
  const styles = useStyles();
  useReturnFocus();
  const mode = connection ? 'edit' : 'add';
  const title = connection ? 'Edit connection' : 'Add connection';
  // Where keys survive restarts the user may still want one kept in memory only (a shared
  // machine); where they cannot, every key is session-only and that is explained instead.
  const persistent = secretStorage?.persistent ?? true;

  const resolver = useMemo(() => zodResolver(connectionFormSchema(mode)), [mode]);
  const form = useForm<ConnectionFormValues>({
    resolver,
    mode: 'onTouched',
    defaultValues: connectionFormDefaults(connection),
  });
  const add = useAddConnection();
  const update = useUpdateConnection();
  const test = useTestConnection();
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [testState, setTestState] = useState<TestState>(null);
  const [unconfirmed, setUnconfirmed] = useState<ConnectionFormValues | null>(null);
  const saving = add.isPending || update.isPending;

  // Fluent's Dialog focuses its first field in an effect; this one runs after it (a parent's
  // effects follow its children's), so the key field wins.
  useEffect(() => {
    if (focusKey) form.setFocus('key');
  }, [focusKey, form]);

  const save = async (values: ConnectionFormValues) => {
    setSaveError(null);
    try {
      const saved = connection
        ? await update.mutateAsync(updateRequestFrom(connection, values, persistent))
        : await add.mutateAsync(addRequestFrom(values, persistent));
      onSaved(saved);
    } catch (error) {
      const appError = toAppError(error);
      const placed = placeFieldProblems(appError);
      if (!placed) setSaveError(appError);
    }
  };

  // A test that just failed most likely means a connection that will not work: asked first.
  const submit = form.handleSubmit(async (values) => {
    if (testState?.kind === 'failed') setUnconfirmed(values);
    else await save(values);
  });

  /** Problems main found with one field go next to that field, like the form's own. */
  const placeFieldProblems = (error: AppError): boolean => {
    let placed = false;
    for (const detail of error.details ?? []) {
      const field = FIELDS.find((f) => f === detail.field);
      if (field) {
        form.setError(field, { type: 'server', message: detail.message }, { shouldFocus: true });
        placed = true;
      }
    }
    return placed;
  };

  const runTest = async () => {
    setTestState(null);
    const values = form.getValues();
    const needsKey = !connection || values.key !== '';
    const ready = await form.trigger(needsKey ? ['endpoint', 'key'] : ['endpoint'], {
      shouldFocus: true,
    });
    if (!ready) return;
    try {
      await test.mutateAsync(testRequestFrom(connection, values));
      setTestState({ kind: 'ok' });
    } catch (error) {
      // E.g. a saved key refused for a new endpoint: said at the key field, as a save says it.
      const appError = toAppError(error);
      if (!placeFieldProblems(appError)) setTestState({ kind: 'failed', error: appError });
    }
  };

  const clearTest = () => setTestState(null);
  const failure = testState?.kind === 'failed' ? describeTestFailure(testState.error) : undefined;

  return (
    <Dialog
      open
      modalType="modal"
      onOpenChange={(_event, data) => {
        if (!data.open && !saving) onClose();
      }}
    >
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              <Controller
                control={form.control}
                name="name"
                render={({ field, fieldState }) => (
                  <Field
                    label="Name"
                    validationMessage={fieldState.error?.message}
                    hint="How this connection appears in the list, e.g. “Contoso production”."
                  >
                    <Input
                      {...field}
                      onChange={(_event, data) => field.onChange(data.value)}
                      aria-required
                      autoComplete="off"
                    />
                  </Field>
                )}
              />
              <Controller
                control={form.control}
                name="endpoint"
                render={({ field, fieldState }) => (
                  <Field
                    label="Endpoint"
                    validationMessage={fieldState.error?.message}
                    hint="The resource’s address, from its Keys and Endpoint page."
                  >
                    <Input
                      {...field}
                      onChange={(_event, data) => {
                        clearTest();
                        field.onChange(data.value);
                      }}
                      placeholder="https://my-resource.cognitiveservices.azure.com/"
                      aria-required
                      autoComplete="off"
                      spellCheck={false}
                    />
                  </Field>
                )}
              />
              <Controller
                control={form.control}
                name="key"
                render={({ field, fieldState }) => (
                  <Field
                    label="Subscription key"
                    validationMessage={fieldState.error?.message}
                    hint={
                      mode === 'edit'
                        ? 'Leave empty to keep the saved key. A saved key is never shown again.'
                        : 'Key 1 or Key 2 of the resource. It is stored encrypted and never shown again.'
                    }
                  >
                    <Input
                      {...field}
                      type="password"
                      aria-required={mode === 'add'}
                      onChange={(_event, data) => {
                        clearTest();
                        field.onChange(data.value);
                      }}
                      placeholder={mode === 'edit' ? 'Unchanged' : undefined}
                      autoComplete="new-password"
                      spellCheck={false}
                    />
                  </Field>
                )}
              />
              {persistent ? (
                <Controller
                  control={form.control}
                  name="sessionOnly"
                  render={({ field }) => (
                    <Field hint="The key is forgotten when the app closes; you enter it again next time.">
                      <Checkbox
                        label="Keep the key for this session only"
                        checked={field.value}
                        onChange={(_event, data) => field.onChange(data.checked === true)}
                        onBlur={field.onBlur}
                        ref={field.ref}
                      />
                    </Field>
                  )}
                />
              ) : (
                <MessageBar intent="info" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>Key kept for this session only</MessageBarTitle>
                    {secretStorage?.notice ??
                      'This computer offers no safe place to keep keys across restarts, so the key is kept in memory until the app closes.'}
                  </MessageBarBody>
                </MessageBar>
              )}
              {testState?.kind === 'ok' ? (
                <MessageBar intent="success" role="status">
                  <MessageBarBody>
                    <MessageBarTitle>Connection works</MessageBarTitle>
                    The endpoint answered and accepted the key.
                  </MessageBarBody>
                </MessageBar>
              ) : null}
              {testState?.kind === 'failed' && failure ? (
                <ErrorAlert error={testState.error} title={failure.title} advice={failure.advice} />
              ) : null}
              {saveError ? <ErrorAlert error={saveError} title="Not saved" /> : null}
            </DialogContent>
            <DialogActions position="start">
              <Button
                appearance="secondary"
                icon={test.isPending ? <Spinner size="tiny" /> : <PlugConnectedRegular />}
                disabled={test.isPending}
                onClick={() => void runTest()}
              >
                Test connection
              </Button>
            </DialogActions>
            <DialogActions position="end">
              <Button appearance="secondary" onClick={onClose} disabled={saving}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={saving}
                icon={saving ? <Spinner size="tiny" /> : undefined}
              >
                {saving ? 'Saving…' : 'Save'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
        <ConfirmDialog
          open={unconfirmed !== null}
          title="Save a connection that failed its test?"
          confirmLabel="Save anyway"
          cancelLabel="Keep editing"
          // Enter must not save a connection known not to work.
          destructive
          onCancel={() => setUnconfirmed(null)}
          onConfirm={() => {
            const values = unconfirmed;
            setUnconfirmed(null);
            if (values) void save(values);
          }}
        >
          <p>
            The test just failed ({failure?.title ?? 'see the message in the dialog'}). Saved as it
            is, the connection will likely not list any datasets.
          </p>
        </ConfirmDialog>
      </DialogSurface>
    </Dialog>
  );
}
