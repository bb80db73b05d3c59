import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/*
 * Everything a page and the app leave behind where someone could read it later: the DOM (with
 * what the boxes hold), the page's storages, and every file in the app's data folder.
 */

export interface Leftovers {
  [where: string]: string;
}

/** The DOM as markup plus the live value of every box (typing does not change the markup). */
async function domOf(page: Page): Promise<Leftovers> {
  const values = (await page.evaluate(
    `Array.from(document.querySelectorAll('input, textarea, select')).map((e) => e.value)`,
  )) as string[];
  return { dom: await page.content(), 'box values': values.join('\n') };
}

/*
 * Passed as text: the e2e code is typed for Node, without the DOM, and this runs in the page.
 * Every object store of every IndexedDB database is dumped, keys and records.
 */
const DUMP_STORAGES = `(async () => {
  const dump = (storage) => JSON.stringify(
    Object.fromEntries(Object.keys(storage).map((k) => [k, storage.getItem(k)])));
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = [];
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await done(indexedDB.open(info.name));
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name, 'readonly').objectStore(name);
      const keys = await done(store.getAllKeys());
      const records = await done(store.getAll());
      stores.push(JSON.stringify({ db: info.name, store: name, keys, records }));
    }
    db.close();
  }
  return {
    localStorage: dump(localStorage),
    sessionStorage: dump(sessionStorage),
    indexedDB: stores.join('\\n'),
  };
})()`;

async function storagesOf(page: Page): Promise<Leftovers> {
  return (await page.evaluate(DUMP_STORAGES)) as Leftovers;
}

/** Each file under `dir`, read as UTF-8 and as Latin-1 (so no byte sequence hides a match). */
export function filesUnder(dir: string): Leftovers {
  const found: Leftovers = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = readFileSync(path);
    found[`${path} (utf8)`] = bytes.toString('utf8');
    found[`${path} (latin1)`] = bytes.toString('latin1');
  }
  return found;
}

export async function pageLeftovers(page: Page): Promise<Leftovers> {
  return { ...(await domOf(page)), ...(await storagesOf(page)) };
}

/** A secret as it could be written: as it is, URL-decoded, and in base64 (both alphabets). */
export function spellingsOf(secret: string): string[] {
  const plain = [secret, decodeURIComponent(secret)];
  return [
    ...new Set(
      plain.flatMap((s) => [
        s,
        Buffer.from(s).toString('base64'),
        Buffer.from(s).toString('base64url'),
      ]),
    ),
  ];
}

/** The signature of a SAS token: the value of `sig=`, the part that grants access. */
export function signatureOf(sasToken: string): string {
  const sig = /(?:^|&)sig=([^&]+)/.exec(sasToken)?.[1];
  if (!sig) throw new Error('A SAS token without sig=');
  return sig;
}

/** "where: secret" for every place a secret shows up, in any of its spellings. */
export function findSecrets(leftovers: Leftovers, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [where, text] of Object.entries(leftovers)) {
    for (const [label, secret] of Object.entries(secrets)) {
      if (spellingsOf(secret).some((spelling) => text.includes(spelling))) {
        found.push(`${where}: ${label}`);
      }
    }
  }
  return found;
}
