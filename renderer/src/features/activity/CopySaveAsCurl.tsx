import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { CodeRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { ExistingDatasetForm } from '../../hooks/use-existing-dataset-form';
import { copyCode } from './copy-code';

const SHOWN_MS = 4000;

const useStyles = makeStyles({
  said: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    ':empty': { display: 'none' },
  },
});

interface CopySaveAsCurlProps {
  connectionId: string;
  editor: Pick<ExistingDatasetForm, 'submit' | 'saveRequest' | 'base'>;
  dirty: boolean;
  valid: boolean;
  busy: boolean;
}

/**
 * The editor's `Copy as curl`: the PATCH that Save would send now (If-Match and the changed
 * fields), built in main by the same code as the save, the key and any token left out.
 */
export function CopySaveAsCurl({ connectionId, editor, dirty, valid, busy }: CopySaveAsCurlProps) {
  const styles = useStyles();
  const api = useApi();
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(''), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [said]);

  const reason = !dirty
    ? 'There are no changes: Save would send nothing.'
    : !valid
      ? 'Fix the marked fields first: Save would not send this.'
      : undefined;
  const copy = () => {
    if (reason || busy) return;
    // Through the form's own check, so the values are those a Save would send.
    void editor.submit(async (values) => {
      const { base, changes, useDraftSasToken } = editor.saveRequest(values);
      const outcome = await copyCode(
        api.saveRequestCode({
          language: 'curl',
          update: {
            connectionId,
            name: base.name,
            ifMatch: base.eTag,
            changes,
            ...(useDraftSasToken ? { useDraftSasToken } : {}),
          },
        }),
      );
      setSaid(outcome.copied ? 'Copied' : outcome.message);
    });
  };

  return (
    <>
      <Tooltip
        content={reason ?? 'The request Save would send now, as curl, to the clipboard.'}
        relationship="description"
        withArrow
      >
        <Button
          icon={<CodeRegular />}
          disabledFocusable={reason !== undefined || busy}
          onClick={copy}
        >
          Copy as curl
        </Button>
      </Tooltip>
      <span role="status" className={styles.said}>
        {said}
      </span>
    </>
  );
}
