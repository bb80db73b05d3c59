import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page, Response } from 'playwright-core';
import { startWebApp } from '../e2e/support/web-app';
import type { WebApp } from '../e2e/support/web-app';
import { findChromium } from '../scripts/find-chromium.mjs';
import type { Figure } from './figure';
import { measured, unmeasured } from './figure';
import { RENDERER_OUT } from './renderer-build';
import { round } from './stats';
import { fillLocalEmulator } from './local-emulator-data';
import { BENCH_DATASET_COUNT } from './synthetic-datasets';

/** Set by the UI when the first chunk of datasets reaches the page. */
export const MARK_DATA_ARRIVED = 'datasets:data-arrived';
/** Set by the UI in a requestAnimationFrame after the first rows render. */
export const MARK_FIRST_ROWS = 'datasets:first-rows';

const VIEWPORT = { width: 1280, height: 820 };
const ROWS_TIMEOUT_MS = 30_000;
const LISTING_TIMEOUT_MS = 60_000;
/** As the e2e tests launch it: no sandbox as root, and nothing that calls out to the network. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FirstRowsFigures {
  firstRowsMs: Figure;
  domRows: Figure;
}

function bothUnmeasured(reason: string, details = {}): FirstRowsFigures {
  return {
    firstRowsMs: unmeasured('firstRowsMs', reason, details),
    domRows: unmeasured('domRows', reason, details),
  };
}

interface ListingAnswer {
  ok?: boolean;
  value?: { listingId: string; items: unknown[]; done: boolean };
}

/** Resolves with the number of datasets once a listing the page started reports `done`. */
function listingFinished(page: Page): Promise<number> {
  const counts = new Map<string, number>();
  return new Promise((resolve) => {
    page.on('response', (response: Response) => {
      // The page's bridge client percent-encodes the channel's colon.
      const path = decodeURIComponent(new URL(response.url()).pathname);
      if (!/\/api\/datasets:list(?:Start|More)$/.test(path)) return;
      const counted = (result: ListingAnswer) => {
        if (!result.ok || !result.value) return;
        const { listingId, items, done } = result.value;
        const count = (counts.get(listingId) ?? 0) + items.length;
        counts.set(listingId, count);
        if (done) resolve(count);
      };
      void response.json().then(counted, () => undefined);
    });
  });
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/*
 * Code run in the page is passed as text: tsx wraps named functions in a helper (__name) that
 * exists only in Node, so a function handed to page.evaluate would fail in the page.
 */

/** What the page offers instead, so a missing grid says what there is. */
async function describeCollections(page: Page): Promise<string> {
  const names = (await page.evaluate(`[...document.querySelectorAll(
    '[role="grid"], [role="list"], [role="table"], table, ul',
  )].map((n) => (n.getAttribute('role') || n.tagName.toLowerCase()) + ':"' +
    (n.getAttribute('aria-label') || '') + '"')`)) as string[];
  return names.length > 0 ? names.join(', ') : 'none';
}

interface Marks {
  arrived: number | null;
  firstRows: number | null;
}

async function readMarks(page: Page): Promise<Marks> {
  const at = (name: string) =>
    `performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0]?.startTime ?? null`;
  return (await page.evaluate(
    `({ arrived: ${at(MARK_DATA_ARRIVED)}, firstRows: ${at(MARK_FIRST_ROWS)} })`,
  )) as Marks;
}

async function measureInPage(page: Page, app: WebApp): Promise<FirstRowsFigures> {
  const finished = listingFinished(page);
  await page.goto(app.url);
  const grid = page.getByRole('grid', { name: 'Datasets', exact: true });
  const list = page.getByRole('list', { name: 'Datasets', exact: true });
  const dataRows = grid
    .locator('[role="row"]:has([role="gridcell"])')
    .or(list.locator('[role="listitem"]'));
  try {
    await dataRows.first().waitFor({ state: 'attached', timeout: ROWS_TIMEOUT_MS });
  } catch {
    return bothUnmeasured(
      `The page showed no grid or list named "Datasets" with rows within ${ROWS_TIMEOUT_MS / 1000} s (the UI may not be ready). Collections on the page: ${await describeCollections(page)}.`,
    );
  }

  const listed = await within(finished, LISTING_TIMEOUT_MS);
  // Two frames, so whatever the last chunk changed is laid out.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const marks = await readMarks(page);
  const isGrid = (await grid.count()) > 0;
  const rows = isGrid ? grid.locator('[role="row"]') : list.locator('[role="listitem"]');
  const domRowCount = await rows.count();
  const container = isGrid ? 'grid "Datasets"' : 'list "Datasets"';

  const missing = [
    ...(marks.arrived === null ? [MARK_DATA_ARRIVED] : []),
    ...(marks.firstRows === null ? [MARK_FIRST_ROWS] : []),
  ];
  const firstRowsMs =
    missing.length > 0
      ? unmeasured(
          'firstRowsMs',
          `The UI sets no performance mark ${missing.map((m) => `"${m}"`).join(' or ')} yet.`,
        )
      : measured('firstRowsMs', round(marks.firstRows! - marks.arrived!, 1), {
          dataArrivedAtMs: round(marks.arrived!, 1),
          firstRowsAtMs: round(marks.firstRows!, 1),
          datasets: BENCH_DATASET_COUNT,
        });
  const domRows =
    listed === 'timeout'
      ? unmeasured(
          'domRows',
          `The page's listing did not finish within ${LISTING_TIMEOUT_MS / 1000} s.`,
          { rowsSoFar: domRowCount, container },
        )
      : measured('domRows', domRowCount, {
          container,
          datasetsListed: listed,
          viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
        });
  return { firstRowsMs, domRows };
}

/**
 * Browser mode with 10,000 datasets in the Local emulator, in Chromium: the time from the
 * data's arrival to the first rows painted (two marks the UI sets), and the rows in the DOM
 * once everything is loaded.
 */
export async function measureFirstRows(): Promise<FirstRowsFigures> {
  if (!existsSync(join(RENDERER_OUT, 'index.html'))) {
    return bothUnmeasured('The renderer is not built (out/renderer/index.html is missing).');
  }
  const executablePath = findChromium();
  if (!executablePath) return bothUnmeasured('No Chromium found (see scripts/find-chromium.mjs).');

  const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-rows-'));
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  try {
    const { fillMs } = await fillLocalEmulator(dataDir);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    app = await startWebApp(dataDir);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const figures = await measureInPage(page, app);
    const chromiumVersion = browser.version();
    for (const figure of Object.values(figures)) {
      Object.assign(figure.details, { chromium: chromiumVersion, localEmulatorFillMs: fillMs });
    }
    return figures;
  } finally {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
