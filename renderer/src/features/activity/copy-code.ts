import type { CodeLanguage, GeneratedCode } from '../../../../shared/activity/activity-types';
import type { Result } from '../../../../shared/ipc/errors';

export const LANGUAGE_LABELS: Record<CodeLanguage, string> = {
  curl: 'curl',
  powershell: 'PowerShell',
  python: 'Python',
};

export type CopyOutcome = { copied: true } | { copied: false; message: string };

/** Asks main for the code and puts it on the clipboard; what happened, in words. */
export async function copyCode(pending: Promise<Result<GeneratedCode>>): Promise<CopyOutcome> {
  const result = await pending;
  if (!result.ok) return { copied: false, message: result.error.message };
  try {
    await navigator.clipboard.writeText(result.value.text);
    return { copied: true };
  } catch {
    return {
      copied: false,
      message: 'The clipboard refused the text. Click the window and try again.',
    };
  }
}
