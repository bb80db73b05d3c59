import { describe, expect, it } from 'vitest';
import type { StorageAuthentication } from '../contract/dataset';
import type { RedactedAuthentication } from '../contract/redacted-dataset';
import { merge3 } from './merge3';
import type { MergeFields } from './merge-types';

type Auth = RedactedAuthentication | StorageAuthentication;
type Fields = MergeFields<Auth>;

const uri = (n: number) => `https://acct.blob.core.windows.net/c/${n}.json`;
const uris = (...ns: number[]) => ns.map(uri);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

const sasWithFingerprint = (fp: string): Auth => ({
  kind: 'sas',
  hasSasToken: true,
  sasTokenFingerprint: fp,
});

const base: Fields = {
  annotationKind: 'imageClassification',
  annotationFileUris: uris(0, 1, 2),
  authentication: sasWithFingerprint('fp-1'),
  customProperties: { team: 'botany', owner: 'ana' },
};

const withUris = (...ns: number[]): Fields => ({ ...base, annotationFileUris: uris(...ns) });
const withProps = (customProperties: Record<string, string> | undefined): Fields => {
  const fields: Fields = { ...base, customProperties };
  if (customProperties === undefined) delete fields.customProperties;
  return fields;
};
const props = (n: number, extra: Record<string, string> = {}) => ({
  ...Object.fromEntries(range(0, n).map((i) => [`k${i}`, `v${i}`])),
  ...extra,
});

describe('merge3: fields', () => {
  it('merges changes to different fields without a conflict', () => {
    const mine: Fields = { ...base, annotationKind: 'imageObjectDetection' };
    const theirs: Fields = {
      ...base,
      authentication: { kind: 'managedIdentity', hasSasToken: false },
    };
    const outcome = merge3(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result).toEqual({
      ...base,
      annotationKind: 'imageObjectDetection',
      authentication: { kind: 'managedIdentity', hasSasToken: false },
    });
    expect(outcome.rows.map((r) => [r.field, r.label, r.conflict])).toEqual([
      ['annotationKind', 'Annotation kind', false],
      ['authentication', 'Storage authentication', false],
    ]);
  });

  it('takes the same change made on both sides, with a row that is no conflict', () => {
    const changed: Fields = { ...base, annotationKind: 'imageObjectDetection' };
    const outcome = merge3(base, changed, { ...changed });
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.annotationKind).toBe('imageObjectDetection');
    expect(outcome.rows).toEqual([
      {
        field: 'annotationKind',
        label: 'Annotation kind',
        base: 'imageClassification',
        mine: 'imageObjectDetection',
        theirs: 'imageObjectDetection',
        result: 'imageObjectDetection',
        conflict: false,
      },
    ]);
  });

  it('reports different changes to one field as a conflict, theirs kept until a pick', () => {
    const mine: Fields = {
      ...base,
      authentication: { kind: 'managedIdentity', hasSasToken: false },
    };
    const theirs: Fields = { ...base, authentication: { kind: 'none', hasSasToken: false } };
    const outcome = merge3(base, mine, theirs);
    expect(outcome.conflicts).toEqual(['authentication']);
    expect(outcome.rows).toEqual([
      {
        field: 'authentication',
        label: 'Storage authentication',
        base: base.authentication,
        mine: mine.authentication,
        theirs: theirs.authentication,
        result: theirs.authentication,
        conflict: true,
        reason: 'changedDifferently',
      },
    ]);
    expect(outcome.result.authentication).toEqual(theirs.authentication);
  });

  it('reports nothing when neither side changed anything', () => {
    const outcome = merge3(base, { ...base }, { ...base });
    expect(outcome.rows).toEqual([]);
    expect(outcome.result).toEqual(base);
  });
});

describe('merge3: storage authentication', () => {
  it('takes a token rotated on their side when mine left it alone', () => {
    const theirs: Fields = { ...base, authentication: sasWithFingerprint('fp-2') };
    const outcome = merge3(base, { ...base }, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.authentication).toEqual(sasWithFingerprint('fp-2'));
  });

  it('takes a token typed on my side when theirs left it alone', () => {
    const mine: Fields = { ...base, authentication: { kind: 'sas', sasToken: 'sv=2&sig=new' } };
    const outcome = merge3(base, mine, { ...base });
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.authentication).toEqual({ kind: 'sas', sasToken: 'sv=2&sig=new' });
  });

  it('sees a token typed on my side against a kind changed on theirs as a conflict', () => {
    const mine: Fields = { ...base, authentication: { kind: 'sas', sasToken: 'sv=2&sig=new' } };
    const theirs: Fields = {
      ...base,
      authentication: { kind: 'managedIdentity', hasSasToken: false },
    };
    const outcome = merge3(base, mine, theirs);
    expect(outcome.conflicts).toEqual(['authentication']);
    expect(outcome.result.authentication).toEqual(theirs.authentication);
  });

  it('treats a removed authentication as a value of its own', () => {
    const theirs: Fields = { ...base };
    delete theirs.authentication;
    const removed = merge3(base, { ...base }, theirs);
    expect(removed.conflicts).toEqual([]);
    expect(removed.result).not.toHaveProperty('authentication');
    expect(removed.rows[0]).toMatchObject({ field: 'authentication', theirs: null, result: null });

    const mine: Fields = { ...base, authentication: { kind: 'none', hasSasToken: false } };
    expect(merge3(base, mine, theirs).conflicts).toEqual(['authentication']);
  });
});

describe('merge3: annotation file URIs', () => {
  it("keeps additions from both sides: theirs' order, then mine's additions", () => {
    const outcome = merge3(withUris(0, 1), withUris(0, 1, 5, 6), withUris(7, 0, 1));
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.annotationFileUris).toEqual(uris(7, 0, 1, 5, 6));
    expect(outcome.rows).toEqual([
      {
        field: 'annotationFileUris',
        label: 'Annotation file URIs',
        base: uris(0, 1),
        mine: uris(0, 1, 5, 6),
        theirs: uris(7, 0, 1),
        result: uris(7, 0, 1, 5, 6),
        conflict: false,
      },
    ]);
  });

  it('lists an address added on both sides once', () => {
    const outcome = merge3(withUris(0), withUris(0, 5, 6), withUris(0, 6));
    expect(outcome.result.annotationFileUris).toEqual(uris(0, 6, 5));
  });

  it('applies a removal on one side and an addition on the other', () => {
    const mine = merge3(base, withUris(0, 2), withUris(0, 1, 2, 3));
    expect(mine.conflicts).toEqual([]);
    expect(mine.result.annotationFileUris).toEqual(uris(0, 2, 3));
    const theirs = merge3(base, withUris(0, 1, 2, 3), withUris(0, 2));
    expect(theirs.result.annotationFileUris).toEqual(uris(0, 2, 3));
  });

  it('takes a list changed on one side only as it is, reordering included', () => {
    const outcome = merge3(base, withUris(2, 0, 1), {
      ...base,
      annotationKind: 'imageObjectDetection',
    });
    expect(outcome.result.annotationFileUris).toEqual(uris(2, 0, 1));
  });

  it('sees the same entry replaced differently on both sides as a conflict', () => {
    const outcome = merge3(base, withUris(0, 5, 2), withUris(0, 6, 2));
    expect(outcome.conflicts).toEqual(['annotationFileUris']);
    expect(outcome.rows[0]).toMatchObject({ conflict: true, reason: 'replacedDifferently' });
    expect(outcome.result.annotationFileUris).toEqual(uris(0, 6, 2));
  });

  it('finds the replacement even when an earlier entry was also removed', () => {
    // Mine removed 0 and put 5 where 1 was: nothing tells 5 is for 1 and not for 0, so both count.
    const outcome = merge3(base, withUris(5, 2), withUris(0, 6, 2));
    expect(outcome.conflicts).toEqual(['annotationFileUris']);
  });

  it('merges the same replacement on both sides, with other changes around it', () => {
    const outcome = merge3(base, withUris(0, 5, 2, 7), withUris(8, 0, 5, 2));
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.annotationFileUris).toEqual(uris(8, 0, 5, 2, 7));
  });

  it('merges a replacement on one side with a removal of the same entry on the other', () => {
    const outcome = merge3(base, withUris(0, 5, 2), withUris(0, 2));
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.annotationFileUris).toEqual(uris(0, 2, 5));
  });

  it('does not take a moved entry for a replaced one', () => {
    const outcome = merge3(base, withUris(1, 0, 2), withUris(0, 6, 2));
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.annotationFileUris).toEqual(uris(0, 6, 2));
    // Mine moved 0 and put 5 where 0 was: 5 is an addition, 0 was not dropped.
    const added = merge3(base, withUris(5, 1, 0, 2), withUris(6, 1, 2));
    expect(added.conflicts).toEqual([]);
    expect(added.result.annotationFileUris).toEqual(uris(6, 1, 2, 5));
  });

  it('sees a merged list over 10 URIs as a conflict', () => {
    const eight = range(0, 8);
    const outcome = merge3(withUris(...eight), withUris(...eight, 10, 11), withUris(...eight, 12));
    expect(outcome.conflicts).toEqual(['annotationFileUris']);
    expect(outcome.rows[0]).toMatchObject({ reason: 'tooManyUris' });
    expect(outcome.result.annotationFileUris).toEqual(uris(...eight, 12));
    const ten = merge3(withUris(...eight), withUris(...eight, 10), withUris(...eight, 12));
    expect(ten.conflicts).toEqual([]);
    expect(ten.result.annotationFileUris).toHaveLength(10);
  });

  it('sees a merged list left with no URI as a conflict', () => {
    const outcome = merge3(withUris(0, 1), withUris(1), withUris(0));
    expect(outcome.conflicts).toEqual(['annotationFileUris']);
    expect(outcome.rows[0]).toMatchObject({ reason: 'noUris' });
    expect(outcome.result.annotationFileUris).toEqual(uris(0));
  });
});

describe('merge3: custom properties', () => {
  it('merges key by key: additions on each side and a change', () => {
    const mine = withProps({ team: 'botany', owner: 'ana', site: 'lab' });
    const theirs = withProps({ team: 'zoology', owner: 'ana', budget: '3' });
    const outcome = merge3(base, mine, theirs);
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.customProperties).toEqual({
      team: 'zoology',
      owner: 'ana',
      budget: '3',
      site: 'lab',
    });
    expect(outcome.rows.map((r) => [r.field, r.label, r.conflict])).toEqual([
      ['customProperties.team', 'Property "team"', false],
      ['customProperties.budget', 'Property "budget"', false],
      ['customProperties.site', 'Property "site"', false],
    ]);
  });

  it('sees a key removed on one side and changed on the other as a conflict on that key', () => {
    const mine = withProps({ team: 'botany' });
    const theirs = withProps({ team: 'botany', owner: 'li', site: 'lab' });
    const outcome = merge3(base, mine, theirs);
    expect(outcome.conflicts).toEqual(['customProperties.owner']);
    expect(outcome.rows).toContainEqual({
      field: 'customProperties.owner',
      label: 'Property "owner"',
      base: 'ana',
      mine: null,
      theirs: 'li',
      result: 'li',
      conflict: true,
      reason: 'changedDifferently',
    });
    expect(outcome.result.customProperties).toEqual({ team: 'botany', owner: 'li', site: 'lab' });
  });

  it('sees a key added on both sides with different values as a conflict, the same value not', () => {
    const differ = merge3(base, withProps(props(0, { x: '1' })), withProps(props(0, { x: '2' })));
    expect(differ.conflicts).toEqual(['customProperties.x']);
    const same = merge3(
      base,
      withProps({ team: 'botany', owner: 'ana', x: '1' }),
      withProps({ team: 'botany', owner: 'li', x: '1' }),
    );
    expect(same.conflicts).toEqual([]);
    expect(same.result.customProperties).toEqual({ team: 'botany', owner: 'li', x: '1' });
  });

  it('treats an absent map as empty', () => {
    const outcome = merge3(withProps(undefined), withProps({ a: '1' }), withProps({ b: '2' }));
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result.customProperties).toEqual({ b: '2', a: '1' });
  });

  it('leaves the map absent when both sides emptied it and one side dropped it', () => {
    const outcome = merge3(base, withProps(undefined), withProps({}));
    expect(outcome.conflicts).toEqual([]);
    expect(outcome.result).not.toHaveProperty('customProperties');
    expect(merge3(base, withProps({}), withProps({})).result.customProperties).toEqual({});
  });

  it('sees a merged map over 10 keys as one conflict for the whole map', () => {
    const outcome = merge3(
      withProps(props(8)),
      withProps(props(8, { m1: 'a', m2: 'b' })),
      withProps(props(8, { t1: 'c' })),
    );
    expect(outcome.conflicts).toEqual(['customProperties']);
    expect(outcome.rows).toEqual([
      {
        field: 'customProperties',
        label: 'Custom properties',
        base: props(8),
        mine: props(8, { m1: 'a', m2: 'b' }),
        theirs: props(8, { t1: 'c' }),
        result: props(8, { t1: 'c' }),
        conflict: true,
        reason: 'tooManyProperties',
      },
    ]);
    expect(outcome.result.customProperties).toEqual(props(8, { t1: 'c' }));
  });

  it('counts a conflicted key as kept, since either pick may keep it', () => {
    const ten = props(10);
    const mine = { ...ten, x: 'new' } as Record<string, string>;
    delete mine.k0;
    const outcome = merge3(withProps(ten), withProps(mine), withProps({ ...ten, k0: 'changed' }));
    expect(outcome.conflicts).toEqual(['customProperties']);
  });

  it('keeps a key named like an object built-in as an ordinary key', () => {
    const mine = withProps(JSON.parse('{"__proto__":"x","team":"botany","owner":"ana"}'));
    const theirs = withProps({ team: 'zoology', owner: 'ana' });
    const outcome = merge3(base, mine, theirs);
    expect(Object.keys(outcome.result.customProperties ?? {})).toContain('__proto__');
    expect(outcome.result.customProperties?.['__proto__']).toBe('x');
  });
});

describe('merge3: rows', () => {
  it('hold only JSON values, absent shown as null', () => {
    const mine: Fields = { ...withUris(0, 5, 2), annotationKind: 'imageObjectDetection' };
    delete mine.authentication;
    const theirs = withProps({ owner: 'li' });
    const { rows } = merge3(base, mine, theirs);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
    expect(rows.find((r) => r.field === 'authentication')?.mine).toBeNull();
    expect(rows.find((r) => r.field === 'customProperties.team')?.theirs).toBeNull();
  });

  it('do not share lists or maps with the inputs', () => {
    const mine = withUris(0, 1, 2, 3);
    const outcome = merge3(base, mine, { ...base });
    outcome.result.annotationFileUris.push(uri(9));
    expect(mine.annotationFileUris).toEqual(uris(0, 1, 2, 3));
    // The form may go on editing its values; the outcome keeps what was merged.
    mine.annotationFileUris.push(uri(8));
    mine.customProperties = { edited: 'later' };
    expect(outcome.mine.annotationFileUris).toEqual(uris(0, 1, 2, 3));
    expect(outcome.rows[0]?.mine).toEqual(uris(0, 1, 2, 3));
  });
});
