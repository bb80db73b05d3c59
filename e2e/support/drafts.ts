import { expect } from '@playwright/test';
import type { DraftSummary } from '../../shared/ipc/contract';
import type { WebApp } from './web-app';

/** The drafts main holds now, as the page would list them at start. */
export async function listDrafts(app: WebApp): Promise<DraftSummary[]> {
  const listed = await app.call<{ ok: boolean; value: DraftSummary[] }>('drafts:list');
  expect(listed.ok).toBe(true);
  return listed.value;
}

/** Waits until main holds a draft of `datasetName` (null: a new dataset) that passes `check`. */
export async function waitForDraft(
  app: WebApp,
  datasetName: string | null,
  check: (draft: DraftSummary) => boolean,
): Promise<DraftSummary> {
  let found: DraftSummary | undefined;
  await expect
    .poll(
      async () => {
        found = (await listDrafts(app)).find((d) => d.datasetName === datasetName && check(d));
        return found !== undefined;
      },
      { message: `a draft of ${datasetName ?? 'a new dataset'} as expected` },
    )
    .toBe(true);
  return found!;
}
