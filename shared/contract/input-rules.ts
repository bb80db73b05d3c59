import { z } from 'zod';
import { CustomPropertiesSchema, annotationFileUrisOf, sentAnnotationUriProblem } from './dataset';
import { MAX_ANNOTATION_FILE_URIS } from './limits';

/**
 * The app's own input rules, stricter than the service's: the editor's form and the IPC
 * contract apply them, the emulator does not. The service takes plain http and a URI listed
 * twice, and a property name with spaces around it; the app refuses those because they are
 * mistakes in practice (an unencrypted blob address, a file counted twice, a name that looks
 * like another), but the emulator must answer as the service would.
 */

/** Plain http is fine only for a storage emulator on this machine (Azurite and the like). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

export const ANNOTATION_URI_HINT =
  'Absolute https addresses of COCO annotation files in blob storage; http only for a local storage emulator (localhost, 127.0.0.1 or [::1]). Paste several addresses at once to fill several rows.';

export function appAnnotationUriProblem(value: string): string | undefined {
  const problem = sentAnnotationUriProblem(value);
  if (problem !== undefined) return problem;
  const url = new URL(value);
  if (url.protocol === 'http:' && !(LOOPBACK_HOSTS as readonly string[]).includes(url.hostname)) {
    return 'Use https: plain http is allowed only for a local storage emulator (localhost, 127.0.0.1 or [::1]).';
  }
  // A signed URL: the service appends the dataset's token after "?", and a signature kept in
  // the address would be stored and shown in plain text wherever the address goes.
  if ([...url.searchParams.keys()].some((key) => key.toLowerCase() === 'sig')) {
    return 'This address carries a SAS token (its "?…sig=…" part): enter the address without "?" and what follows, and the token under Storage authentication.';
  }
  return undefined;
}

export const AppAnnotationFileUriSchema = z
  .string({ error: 'An annotation file URI must be text.' })
  .superRefine((value, ctx) => {
    const problem = appAnnotationUriProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** For each row, the row (1-based) it repeats, when it repeats an earlier one. */
export function duplicateUriRows(uris: readonly string[]): (number | undefined)[] {
  const firstRow = new Map<string, number>();
  return uris.map((uri, index) => {
    const earlier = firstRow.get(uri);
    if (earlier !== undefined) return earlier;
    firstRow.set(uri, index + 1);
    return undefined;
  });
}

export function duplicateUriMessage(row: number): string {
  return `Same as row ${row}; list each annotation file once.`;
}

export const AppAnnotationFileUrisSchema = annotationFileUrisOf(
  AppAnnotationFileUriSchema,
).superRefine((uris, ctx) => {
  duplicateUriRows(uris).forEach((row, index) => {
    if (row !== undefined) {
      ctx.addIssue({ code: 'custom', path: [index], message: duplicateUriMessage(row) });
    }
  });
});

export function propertyNameProblem(name: string): string | undefined {
  if (name === '') return 'A property name cannot be empty.';
  if (name.trim() === '') return 'A property name cannot be spaces alone; enter a name.';
  return undefined;
}

/**
 * Custom properties as the app sends them: names already trimmed by the form, so one with
 * spaces around it here is a caller's mistake, not something to save.
 */
export const AppCustomPropertiesSchema = CustomPropertiesSchema.superRefine((props, ctx) => {
  for (const name of Object.keys(props)) {
    const problem =
      propertyNameProblem(name) ??
      (name.trim() !== name ? `Property name "${name}" has spaces around it.` : undefined);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: problem });
  }
});

/** Several addresses pasted at once: split on line breaks, spaces, tabs and commas. */
export function splitPastedUris(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== '');
}

export interface PastedUriRows {
  /** The rows after the paste. */
  rows: string[];
  /** Addresses that did not fit under the limit, in the order pasted. */
  leftOut: string[];
}

/**
 * Spreads pasted addresses over the list: the first replaces the row pasted into when that row
 * is empty, otherwise it and the rest are inserted after it, up to the service's limit.
 */
export function placePastedUris(
  rows: readonly string[],
  index: number,
  pasted: readonly string[],
): PastedUriRows {
  const replaceHere = rows[index]?.trim() === '';
  const room = MAX_ANNOTATION_FILE_URIS - rows.length + (replaceHere ? 1 : 0);
  const placed = pasted.slice(0, Math.max(0, room));
  const leftOut = pasted.slice(placed.length);
  const before = rows.slice(0, replaceHere ? index : index + 1);
  const after = rows.slice(index + 1);
  return { rows: [...before, ...placed, ...after], leftOut };
}
