import type { Page } from '@playwright/test';
import type { FaultSettingsUpdate } from '../emulator/server';
import { expect, test } from './support/fixtures';
import { appliedWrites } from './support/applied-writes';
import { clearFaults, readDataset, setFaults } from './support/emulator-http';
import {
  button,
  openDataset,
  propertyName,
  propertyValue,
  savedStatus,
  unsavedBadge,
  uriBox,
  uriBoxes,
  useEmulatorConnection,
} from './support/ui';

function kindSelect(page: Page) {
  return page.getByRole('combobox', { name: 'Annotation kind' });
}

/** What the boxes hold, in the shape the service stores (authentication is not edited here). */
async function formOnScreen(page: Page) {
  const uris: string[] = [];
  for (let n = 1; n <= (await uriBoxes(page).count()); n += 1) {
    uris.push(await uriBox(page, n).inputValue());
  }
  const names = page.getByRole('textbox', { name: /^Property name \d+$/ });
  const customProperties: Record<string, string> = {};
  for (let n = 1; n <= (await names.count()); n += 1) {
    customProperties[await propertyName(page, n).inputValue()] = await propertyValue(
      page,
      n,
    ).inputValue();
  }
  return {
    annotationKind: await kindSelect(page).inputValue(),
    annotationFileUris: uris,
    customProperties,
  };
}

/** A change to every kind of field, distinct per dataset so each save is its own. */
async function edit(page: Page, name: string) {
  await openDataset(page, name);
  const kind = await kindSelect(page).inputValue();
  await kindSelect(page).selectOption(
    kind === 'imageClassification' ? 'imageObjectDetection' : 'imageClassification',
  );
  await uriBox(page, 1).fill(`https://faultsdata.blob.core.windows.net/${name}/coco-v2.json`);
  await button(page, 'Add property').click();
  const added = (await page.getByRole('textbox', { name: /^Property name \d+$/ }).count()) || 1;
  await propertyName(page, added).fill('checked-by');
  await propertyValue(page, added).fill(`fault-${name}`);
  return formOnScreen(page);
}

const SCENARIOS: {
  fault: string;
  dataset: string;
  faults: FaultSettingsUpdate;
  /** Long enough for the progress to be seen and asserted. */
  slow: boolean;
}[] = [
  {
    fault: 'a 2 s latency',
    dataset: 'flowers-classification',
    faults: { latencyMs: 2_000 },
    slow: true,
  },
  {
    fault: '503 twice, Retry-After: 1',
    dataset: 'pcb-defect-detection',
    faults: { failNext: { status: 503, count: 2, retryAfterSeconds: 1 } },
    slow: true,
  },
  {
    fault: 'a reset in the middle of the response (applied, answer lost)',
    dataset: 'wildlife-camera-traps',
    faults: { resetMidResponseNext: 1 },
    slow: false,
  },
  {
    fault: '500 once',
    dataset: 'xray-hand-fractures',
    faults: { failNext: { status: 500, count: 1 } },
    slow: false,
  },
];

test('a save through latency, throttling, a lost answer and a server error is applied exactly once', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  for (const scenario of SCENARIOS) {
    await test.step(scenario.fault, async () => {
      const typed = await edit(page, scenario.dataset);
      const writesBefore = await appliedWrites(emulator);
      await setFaults(emulator, scenario.faults);

      await button(page, 'Save').click();
      if (scenario.slow) {
        await expect(button(page, 'Saving…')).toBeVisible();
        await expect(button(page, 'Saving…')).toBeDisabled();
      }
      await expect(savedStatus(page)).toHaveText('Saved', { timeout: 15_000 });
      await expect(unsavedBadge(page)).toBeHidden();
      await clearFaults(emulator);

      expect(await appliedWrites(emulator)).toBe(writesBefore + 1);
      const saved = await readDataset(emulator, scenario.dataset);
      expect({
        annotationKind: saved.annotationKind,
        annotationFileUris: saved.annotationFileUris,
        customProperties: saved.customProperties ?? {},
      }).toEqual(typed);
      // The editor shows what was saved, and nothing is left to save.
      expect(await formOnScreen(page)).toEqual(typed);
      await expect(page.getByLabel('ETag', { exact: true })).toHaveValue(saved.eTag);
    });
  }
});

test('a save the service keeps refusing ends in an alert, every typed value still in its box', async ({
  page,
  app,
  emulator,
}) => {
  await useEmulatorConnection(page, app, emulator);
  const before = await readDataset(emulator, 'invoice-logos');
  const typed = await edit(page, 'invoice-logos');
  const writesBefore = await appliedWrites(emulator);
  await setFaults(emulator, { failNext: { status: 503, count: 50 } });

  await button(page, 'Save').click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible({
    timeout: 15_000,
  });
  expect(await formOnScreen(page)).toEqual(typed);
  await expect(unsavedBadge(page)).toBeVisible();
  await clearFaults(emulator);
  expect(await appliedWrites(emulator)).toBe(writesBefore);
  expect(await readDataset(emulator, 'invoice-logos')).toEqual(before);

  // Once the service is back, the same edits save, once.
  await button(page, 'Save').click();
  await expect(savedStatus(page)).toHaveText('Saved');
  expect(await appliedWrites(emulator)).toBe(writesBefore + 1);
  const saved = await readDataset(emulator, 'invoice-logos');
  expect(saved.annotationKind).toBe(typed.annotationKind);
  expect(saved.annotationFileUris).toEqual(typed.annotationFileUris);
  expect(saved.customProperties).toEqual(typed.customProperties);
});
