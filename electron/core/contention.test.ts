import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../emulator/server';
import type { RunningEmulator } from '../../emulator/server';
import type { AnnotationKind, Dataset } from '../../shared/contract/dataset';
import { diffDatasetFields } from '../../shared/contract/dataset-diff';
import { merge3 } from '../../shared/merge/merge3';
import { resolveMerge } from '../../shared/merge/resolve-merge';
import type { MergeChoices, MergeFields } from '../../shared/merge/merge-types';
import { createDatasetsClient } from './datasets/client';
import type { DatasetsClient } from './datasets/client';

/**
 * Eight people edit one dataset at once, 50 edits each, through the real client and the real
 * merge: on every 412 they read the dataset again, merge, choose on conflicts, and save again.
 * Afterwards every accepted edit must be in the final state, unless a later save changed that
 * same thing on purpose (its own edit, or a conflict choice). The test counts the rest: lost
 * updates, which must be none.
 */
const EDITORS = 8;
const EDITS = 50;
const KEY = 'contention-key';
const NAME = 'shared-dataset';
const FIXED_URI = 'https://contoso.blob.core.windows.net/shared/base.json';

/** A deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Slot = string; // 'kind' | 'stage' | `prop:${editor}` | `uri:${editor}`
interface Claim {
  /** Position of the accepted save in the service's order. */
  order: string;
  slot: Slot;
  value: string | null;
}

const fieldsOf = (d: Dataset): MergeFields<never> => ({
  annotationKind: d.annotationKind,
  annotationFileUris: d.annotationFileUris,
  ...(d.customProperties ? { customProperties: d.customProperties } : {}),
});

const ownUri = (editor: number, edit: number) =>
  `https://contoso.blob.core.windows.net/shared/editor-${editor}-edit-${edit}.json`;

/** What a dataset says about a slot: the value a claim on that slot is checked against. */
function slotValue(d: MergeFields<never> | Dataset, slot: Slot): string | null {
  if (slot === 'kind') return d.annotationKind;
  if (slot === 'stage') return d.customProperties?.['stage'] ?? null;
  const [kind, editor] = slot.split(':');
  if (kind === 'prop') return d.customProperties?.[`editor${editor}`] ?? null;
  const prefix = `https://contoso.blob.core.windows.net/shared/editor-${editor}-`;
  const own = d.annotationFileUris.filter((u) => u.startsWith(prefix));
  return own.length === 0 ? null : own.sort().join(' ');
}

const ALL_SLOTS: Slot[] = [
  'kind',
  'stage',
  ...Array.from({ length: EDITORS }, (_, i) => `prop:${i}`),
  ...Array.from({ length: EDITORS }, (_, i) => `uri:${i}`),
];

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, key: KEY });
  const client = createDatasetsClient({ endpoint: emulator.url, key: KEY, fetch });
  const created = await client.registerDataset(NAME, {
    annotationKind: 'imageClassification',
    annotationFileUris: [FIXED_URI],
  });
  if (!created.ok) throw new Error(created.error.message);
});
afterAll(() => emulator.close());

async function editor(
  index: number,
  client: DatasetsClient,
  rand: () => number,
  claims: Claim[],
  stats: { conflicts: number; retries: number },
) {
  const first = await client.getDataset(NAME);
  if (!first.ok) throw new Error(first.error.message);
  let base = first.value;
  for (let edit = 0; edit < EDITS; edit++) {
    // Sometimes work from an old copy for a while, as a person with the editor open would.
    if (rand() < 0.3) {
      const fresh = await client.getDataset(NAME);
      if (fresh.ok) base = fresh.value;
    }
    let mine: MergeFields<never> = structuredClone(fieldsOf(base));
    const roll = rand();
    const intended: Slot[] = [];
    if (roll < 0.4) {
      mine.customProperties = { ...mine.customProperties, [`editor${index}`]: `edit-${edit}` };
      intended.push(`prop:${index}`);
    } else if (roll < 0.75) {
      const prefix = `https://contoso.blob.core.windows.net/shared/editor-${index}-`;
      mine.annotationFileUris = [
        ...mine.annotationFileUris.filter((u) => !u.startsWith(prefix)),
        ownUri(index, edit),
      ];
      intended.push(`uri:${index}`);
    } else if (roll < 0.85) {
      // A property everyone edits: different values at once are true conflicts.
      mine.customProperties = {
        ...mine.customProperties,
        stage: `stage-${Math.floor(rand() * 6)}`,
      };
      intended.push('stage');
    } else {
      const kinds: AnnotationKind[] = ['imageClassification', 'imageObjectDetection'];
      mine.annotationKind = kinds[rand() < 0.5 ? 0 : 1]!;
      intended.push('kind');
    }
    if (rand() < 0.5) await new Promise((r) => setTimeout(r, Math.floor(rand() * 4)));

    let theirs = base;
    let wanted: MergeFields<never> = mine;
    const chosen = new Set<Slot>();
    for (;;) {
      const changes = diffDatasetFields(fieldsOf(theirs), wanted);
      const saved = await client.updateDataset(NAME, changes, { ifMatch: theirs.eTag });
      if (saved.ok) {
        for (const slot of new Set([...intended, ...chosen])) {
          // A slot this save did not touch is no claim: its value came from the service.
          if (slotValue(saved.value, slot) !== slotValue(theirs, slot) || intended.includes(slot)) {
            claims.push({
              order: saved.value.updatedDateTime,
              slot,
              value: slotValue(wanted, slot),
            });
          }
        }
        base = saved.value;
        break;
      }
      if (saved.error.kind !== 'conflict')
        throw new Error(`${saved.error.message} ${JSON.stringify(changes)}`);
      stats.retries++;
      const reread = await client.getDataset(NAME);
      if (!reread.ok) throw new Error(reread.error.message);
      const outcome = merge3(fieldsOf(base), mine, fieldsOf(reread.value));
      const choices: MergeChoices = {};
      for (const id of outcome.conflicts) {
        stats.conflicts++;
        const side = rand() < 0.5 ? 'mine' : 'theirs';
        choices[id] = side;
        // Every slot a choice of "mine" may overwrite is replaced on purpose.
        if (side === 'mine') {
          for (const slot of ALL_SLOTS) {
            if (slotValue(mine, slot) !== slotValue(reread.value, slot)) chosen.add(slot);
          }
        }
      }
      const resolved = resolveMerge(outcome, choices);
      if (!resolved.ok) throw new Error(`unresolved: ${resolved.missing.join(', ')}`);
      // As in the editor after "Save merged": the form holds the merged result, loaded over theirs.
      wanted = resolved.fields;
      mine = resolved.fields;
      theirs = reread.value;
      base = reread.value;
      // What this save intends is now only what survived the merge.
      for (let i = intended.length - 1; i >= 0; i--) {
        if (slotValue(wanted, intended[i]!) === slotValue(reread.value, intended[i]!)) {
          intended.splice(i, 1);
        }
      }
    }
  }
}

describe('lost updates under contention', () => {
  it('8 editors x 50 edits with random overlaps lose no accepted edit', async () => {
    const claims: Claim[] = [];
    const stats = { conflicts: 0, retries: 0 };
    await Promise.all(
      Array.from({ length: EDITORS }, (_, i) =>
        editor(
          i,
          createDatasetsClient({ endpoint: emulator.url, key: KEY, fetch }),
          random(1000 + i),
          claims,
          stats,
        ),
      ),
    );
    const final = await createDatasetsClient({
      endpoint: emulator.url,
      key: KEY,
      fetch,
    }).getDataset(NAME);
    if (!final.ok) throw new Error(final.error.message);

    // The last claim on each slot, in the service's order, is what the final state must hold.
    const lastClaim = new Map<Slot, Claim>();
    for (const claim of [...claims].sort((a, b) => a.order.localeCompare(b.order))) {
      lastClaim.set(claim.slot, claim);
    }
    const lost = [...lastClaim.values()].filter(
      (claim) => slotValue(final.value, claim.slot) !== claim.value,
    );
    console.info(
      `contention: ${EDITORS}x${EDITS} edits, ${stats.retries} saves merged after a 412, ` +
        `${stats.conflicts} conflict choices, ${lost.length} lost updates`,
    );
    expect(lost, JSON.stringify({ final: final.value, lost, stats }, null, 1)).toEqual([]);
    expect(final.value.annotationFileUris).toContain(FIXED_URI);
    // The run really contended: many saves met a 412 and were merged.
    expect(stats.retries).toBeGreaterThan(20);
    expect(stats.conflicts).toBeGreaterThan(0);
    expect(claims.length).toBeGreaterThan(EDITORS * EDITS * 0.5);
  }, 120_000);
});
