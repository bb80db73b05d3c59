import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ANNOTATION_KINDS,
  DatasetFieldsSchema,
  StorageAuthenticationSchema,
} from '../contract/dataset';
import { sameJsonValue } from '../contract/dataset-diff';
import { RedactedAuthenticationSchema } from '../contract/redacted-dataset';
import type { RedactedAuthentication } from '../contract/redacted-dataset';
import type { StorageAuthentication } from '../contract/dataset';
import { MAX_ANNOTATION_FILE_URIS, MAX_CUSTOM_PROPERTIES } from '../contract/limits';
import { merge3 } from './merge3';
import type { MergeChoices, MergeFields, MergeOutcome } from './merge-types';
import { resolveMerge } from './resolve-merge';

type Auth = RedactedAuthentication | StorageAuthentication;
type Fields = MergeFields<Auth>;
type Props = Record<string, string>;

const RUNS = { numRuns: 1000 };

/** The dataset schema, with the page's authentication: redacted, or a token the user typed. */
const MergedFieldsSchema = DatasetFieldsSchema.extend({
  authentication: z
    .union([RedactedAuthenticationSchema.strict(), StorageAuthenticationSchema])
    .optional(),
});

// Small pools, so that both sides often touch the same entries and keys.
const uri = (n: number) => `https://acct.blob.core.windows.net/c/${n}.json`;
const uriArb = fc.nat({ max: 15 }).map(uri);
const keyArb = fc.constantFrom(...Array.from({ length: 14 }, (_, i) => `k${i}`));
const valueArb = fc.constantFrom('a', 'b', 'c');

const redactedAuthArb: fc.Arbitrary<Auth> = fc.oneof(
  fc.constantFrom<Auth>(
    { kind: 'none', hasSasToken: false },
    { kind: 'managedIdentity', hasSasToken: false },
  ),
  fc
    .nat({ max: 3 })
    .map((n): Auth => ({ kind: 'sas', hasSasToken: true, sasTokenFingerprint: `fp-${n}` })),
);
const typedTokenArb: fc.Arbitrary<Auth> = fc
  .nat({ max: 3 })
  .map((n) => ({ kind: 'sas', sasToken: `sv=2022-11-02&sig=${n}` }));

const uriListArb = fc.array(uriArb, { minLength: 1, maxLength: MAX_ANNOTATION_FILE_URIS });
const propsArb = fc.dictionary(keyArb, valueArb, {
  maxKeys: MAX_CUSTOM_PROPERTIES,
  noNullPrototype: true,
});

function fieldsOf(values: {
  annotationKind: Fields['annotationKind'];
  annotationFileUris: string[];
  authentication: Auth | undefined;
  customProperties: Props | undefined;
}): Fields {
  const fields: Fields = {
    annotationKind: values.annotationKind,
    annotationFileUris: values.annotationFileUris,
  };
  if (values.authentication !== undefined) fields.authentication = values.authentication;
  if (values.customProperties !== undefined) fields.customProperties = values.customProperties;
  return fields;
}

const baseArb: fc.Arbitrary<Fields> = fc
  .record({
    annotationKind: fc.constantFrom(...ANNOTATION_KINDS),
    annotationFileUris: uriListArb,
    authentication: fc.option(redactedAuthArb, { nil: undefined }),
    customProperties: fc.option(propsArb, { nil: undefined }),
  })
  .map(fieldsOf);

/** Base's list with entries kept, dropped or replaced in place, new ones put in, maybe moved. */
function editedListArb(list: string[]): fc.Arbitrary<string[]> {
  return fc
    .tuple(
      fc.tuple(
        ...list.map(() =>
          fc.oneof(fc.constant('keep' as const), fc.constant('drop' as const), uriArb),
        ),
      ),
      fc.array(fc.tuple(fc.nat(), uriArb), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([edits, additions, reverse]) => {
      const next: string[] = [];
      list.forEach((entry, i) => {
        const edit = edits[i];
        if (edit === 'keep') next.push(entry);
        else if (edit !== 'drop' && edit !== undefined) next.push(edit);
      });
      for (const [at, entry] of additions) next.splice(at % (next.length + 1), 0, entry);
      if (reverse) next.reverse();
      const valid = next.slice(0, MAX_ANNOTATION_FILE_URIS);
      return valid.length > 0 ? valid : [uri(0)];
    });
}

/** Base's map with keys kept, dropped or changed, and new keys added, within the limit. */
function editedPropsArb(props: Props | undefined): fc.Arbitrary<Props | undefined> {
  const entries = Object.entries(props ?? {});
  return fc
    .tuple(
      fc.tuple(...entries.map(() => fc.oneof(fc.constant('keep'), fc.constant('drop'), valueArb))),
      fc.array(fc.tuple(keyArb, valueArb), { maxLength: 3 }),
      fc.boolean(),
    )
    .map(([edits, additions, dropWhenEmpty]) => {
      const next: [string, string][] = [];
      entries.forEach(([key, value], i) => {
        const edit = edits[i];
        if (edit === 'keep') next.push([key, value]);
        else if (edit !== 'drop' && edit !== undefined) next.push([key, edit]);
      });
      const map = Object.fromEntries([...next, ...additions].slice(0, MAX_CUSTOM_PROPERTIES));
      return Object.keys(map).length === 0 && dropWhenEmpty ? undefined : map;
    });
}

/** One side's edit of base: each field left alone, edited, or replaced outright. */
function sideArb(base: Fields): fc.Arbitrary<Fields> {
  return fc
    .record({
      annotationKind: fc.oneof(
        fc.constant(base.annotationKind),
        fc.constantFrom(...ANNOTATION_KINDS),
      ),
      annotationFileUris: fc.oneof<fc.Arbitrary<string[]>[]>(
        fc.constant([...base.annotationFileUris]),
        editedListArb(base.annotationFileUris),
        // Removals only: two of these often leave nothing between them.
        fc.subarray(base.annotationFileUris, { minLength: 1 }),
        // Many additions: two of these often go over the limit together.
        fc
          .array(uriArb, { minLength: 1, maxLength: MAX_ANNOTATION_FILE_URIS })
          .map((added) =>
            [...base.annotationFileUris, ...added].slice(0, MAX_ANNOTATION_FILE_URIS),
          ),
        uriListArb,
      ),
      authentication: fc.oneof(
        fc.constant(base.authentication),
        fc.option(fc.oneof(redactedAuthArb, typedTokenArb), { nil: undefined }),
      ),
      customProperties: fc.oneof(
        fc.constant(base.customProperties && { ...base.customProperties }),
        editedPropsArb(base.customProperties),
        fc.option(propsArb, { nil: undefined }),
      ),
    })
    .map(fieldsOf);
}

const threeWayArb = baseArb.chain((base) =>
  fc.tuple(fc.constant(base), sideArb(base), sideArb(base)),
);

/** A deep copy, so that equal inputs are never the same objects. */
const copyOf = (fields: Fields): Fields => JSON.parse(JSON.stringify(fields)) as Fields;

const sorted = (list: readonly string[]) => [...list].sort();

function expectValid(fields: Fields): void {
  const parsed = MergedFieldsSchema.safeParse(fields);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
}

function allChoices(
  outcome: MergeOutcome<Auth>,
  pick: (id: string) => 'mine' | 'theirs',
): MergeChoices {
  return Object.fromEntries(outcome.conflicts.map((id) => [id, pick(id)]));
}

describe('merge3 properties', () => {
  it('gives the inputs valid by construction', () => {
    fc.assert(
      fc.property(threeWayArb, ([base, mine, theirs]) => {
        for (const fields of [base, mine, theirs]) expectValid(fields);
      }),
      { numRuns: 200 },
    );
  });

  it('(1) with nothing changed on their side, gives mine exactly and no conflict', () => {
    fc.assert(
      fc.property(threeWayArb, ([base, mine]) => {
        const outcome = merge3(base, mine, copyOf(base));
        expect(outcome.conflicts).toEqual([]);
        expect(outcome.result).toStrictEqual(mine);
        // And the mirror: nothing changed on mine gives theirs exactly.
        const mirrored = merge3(base, copyOf(base), mine);
        expect(mirrored.conflicts).toEqual([]);
        expect(mirrored.result).toStrictEqual(mine);
      }),
      RUNS,
    );
  });

  it('(2) with the same edit on both sides, gives that edit and no conflict', () => {
    fc.assert(
      fc.property(threeWayArb, ([base, mine]) => {
        const outcome = merge3(base, mine, copyOf(mine));
        expect(outcome.conflicts).toEqual([]);
        expect(outcome.result).toStrictEqual(mine);
        expect(outcome.rows.every((row) => !row.conflict)).toBe(true);
      }),
      RUNS,
    );
  });

  it('(3) swapping mine and theirs gives the same conflicts and the same merged values', () => {
    fc.assert(
      fc.property(threeWayArb, ([base, mine, theirs]) => {
        const one = merge3(base, mine, theirs);
        const other = merge3(base, theirs, mine);
        expect(sorted(other.conflicts)).toEqual(sorted(one.conflicts));

        // The same rows, with mine and theirs swapped.
        const swapped = other.rows.map((row) => ({ ...row, mine: row.theirs, theirs: row.mine }));
        const byField = (rows: typeof swapped) =>
          Object.fromEntries(
            rows.map(({ field, base, mine, theirs }) => [field, { base, mine, theirs }]),
          );
        expect(byField(swapped)).toEqual(byField(one.rows));

        const conflicted = new Set<string>(one.conflicts);
        if (!conflicted.has('annotationKind')) {
          expect(other.result.annotationKind).toBe(one.result.annotationKind);
        }
        if (!conflicted.has('authentication')) {
          expect(sameJsonValue(other.result.authentication, one.result.authentication)).toBe(true);
        }
        if (!conflicted.has('annotationFileUris')) {
          // The same addresses, each once; only the order of additions depends on the sides.
          const [a, b] = [one.result.annotationFileUris, other.result.annotationFileUris];
          expect(sorted(b)).toEqual(sorted(a));
          const uriRow = one.rows.find((row) => row.field === 'annotationFileUris');
          const oneSideOnly =
            uriRow &&
            (sameJsonValue(uriRow.mine, uriRow.base) ||
              sameJsonValue(uriRow.theirs, uriRow.base) ||
              sameJsonValue(uriRow.mine, uriRow.theirs));
          if (!uriRow || oneSideOnly) expect(b).toEqual(a);
        }
        if (!conflicted.has('customProperties')) {
          const [a, b] = [one.result.customProperties ?? {}, other.result.customProperties ?? {}];
          const settled = (map: Props) =>
            Object.fromEntries(
              Object.entries(map).filter(([key]) => !conflicted.has(`customProperties.${key}`)),
            );
          expect(settled(b)).toEqual(settled(a));
          if (!one.conflicts.some((id) => id.startsWith('customProperties'))) {
            expect(other.result.customProperties === undefined).toBe(
              one.result.customProperties === undefined,
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('(4) gives a valid result, and stays valid however each conflict is resolved', () => {
    fc.assert(
      fc.property(
        threeWayArb,
        fc.func(fc.constantFrom('mine' as const, 'theirs' as const)),
        ([base, mine, theirs], pick) => {
          const outcome = merge3(base, mine, theirs);
          // Valid even before the picks: a conflicted field holds theirs for now.
          expectValid(outcome.result);
          for (const choose of [() => 'mine' as const, () => 'theirs' as const, pick]) {
            const resolved = resolveMerge(outcome, allChoices(outcome, choose));
            expect(resolved.ok).toBe(true);
            if (resolved.ok) expectValid(resolved.fields);
          }
          if (outcome.conflicts.length === 0) {
            expect(resolveMerge(outcome, {})).toEqual({ ok: true, fields: outcome.result });
          }
        },
      ),
      RUNS,
    );
  });

  it('(5) a merged list keeps every addition, applies every removal, and repeats nothing', () => {
    fc.assert(
      fc.property(threeWayArb, ([base, mine, theirs]) => {
        const outcome = merge3(base, mine, theirs);
        const merged = outcome.result.annotationFileUris;
        const bothChanged =
          !sameJsonValue(mine.annotationFileUris, base.annotationFileUris) &&
          !sameJsonValue(theirs.annotationFileUris, base.annotationFileUris) &&
          !sameJsonValue(mine.annotationFileUris, theirs.annotationFileUris);
        if (outcome.conflicts.includes('annotationFileUris') || !bothChanged) return;
        const inBase = new Set(base.annotationFileUris);
        const inMine = new Set(mine.annotationFileUris);
        const inTheirs = new Set(theirs.annotationFileUris);
        expect(new Set(merged).size).toBe(merged.length);
        for (const entry of [...inMine, ...inTheirs]) {
          const added = !inBase.has(entry);
          const kept = inMine.has(entry) && inTheirs.has(entry);
          expect(merged.includes(entry)).toBe(added || kept);
        }
        for (const entry of merged) expect(inMine.has(entry) || inTheirs.has(entry)).toBe(true);
        // Theirs' entries come first, in theirs' order.
        const fromTheirs = merged.filter((entry) => inTheirs.has(entry));
        expect(merged.slice(0, fromTheirs.length)).toEqual(fromTheirs);
      }),
      RUNS,
    );
  });

  it('(6) merges each property key by the three-way rule', () => {
    fc.assert(
      fc.property(threeWayArb, ([base, mine, theirs]) => {
        const outcome = merge3(base, mine, theirs);
        if (outcome.conflicts.includes('customProperties')) return;
        const keys = new Set(
          [base, mine, theirs].flatMap((side) => Object.keys(side.customProperties ?? {})),
        );
        for (const key of keys) {
          const [b, m, t] = [base, mine, theirs].map((side) => side.customProperties?.[key]);
          const result = outcome.result.customProperties?.[key];
          const conflict = outcome.conflicts.includes(`customProperties.${key}`);
          if (m === b) expect([result, conflict]).toEqual([t, false]);
          else if (t === b || t === m) expect([result, conflict]).toEqual([m, false]);
          else expect([result, conflict]).toEqual([t, true]);
          const changed = m !== b || t !== b;
          expect(outcome.rows.some((row) => row.field === `customProperties.${key}`)).toBe(changed);
        }
      }),
      RUNS,
    );
  });
});
