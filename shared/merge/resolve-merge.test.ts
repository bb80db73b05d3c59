import { describe, expect, it } from 'vitest';
import { merge3 } from './merge3';
import type { MergeFields } from './merge-types';
import { resolveMerge } from './resolve-merge';

type Auth = { kind: string; hasSasToken?: boolean; sasToken?: string };
type Fields = MergeFields<Auth>;

const uri = (n: number) => `https://acct.blob.core.windows.net/c/${n}.json`;

const base: Fields = {
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(0), uri(1)],
  authentication: { kind: 'none', hasSasToken: false },
  customProperties: { team: 'botany', owner: 'ana' },
};
const mine: Fields = {
  annotationKind: 'imageObjectDetection',
  annotationFileUris: [uri(0), uri(5)],
  authentication: { kind: 'sas', sasToken: 'sv=1&sig=new' },
  customProperties: { team: 'botany' },
};
const theirs: Fields = {
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(0), uri(6)],
  authentication: { kind: 'managedIdentity', hasSasToken: false },
  customProperties: { team: 'zoology', owner: 'li' },
};

describe('resolveMerge', () => {
  const outcome = merge3(base, mine, theirs);

  it('has the conflicts this example is built for', () => {
    expect(outcome.conflicts).toEqual([
      'annotationFileUris',
      'authentication',
      'customProperties.owner',
    ]);
  });

  it('names every conflict without a pick, and ignores picks that are not a side', () => {
    expect(resolveMerge(outcome, {})).toEqual({ ok: false, missing: outcome.conflicts });
    const partial = { authentication: 'mine', annotationFileUris: 'both' } as never;
    expect(resolveMerge(outcome, partial)).toEqual({
      ok: false,
      missing: ['annotationFileUris', 'customProperties.owner'],
    });
  });

  it('applies mine everywhere, removing a key mine removed', () => {
    const resolved = resolveMerge(outcome, {
      annotationFileUris: 'mine',
      authentication: 'mine',
      'customProperties.owner': 'mine',
    });
    expect(resolved).toEqual({
      ok: true,
      fields: {
        annotationKind: 'imageObjectDetection',
        annotationFileUris: [uri(0), uri(5)],
        authentication: { kind: 'sas', sasToken: 'sv=1&sig=new' },
        customProperties: { team: 'zoology' },
      },
    });
  });

  it('applies a mix of picks and ignores picks for fields that are not in conflict', () => {
    const resolved = resolveMerge(outcome, {
      annotationFileUris: 'theirs',
      authentication: 'mine',
      'customProperties.owner': 'theirs',
      annotationKind: 'theirs',
    });
    expect(resolved).toEqual({
      ok: true,
      fields: {
        annotationKind: 'imageObjectDetection',
        annotationFileUris: [uri(0), uri(6)],
        authentication: { kind: 'sas', sasToken: 'sv=1&sig=new' },
        customProperties: { team: 'zoology', owner: 'li' },
      },
    });
  });

  it('applies a pick for the whole property map, and removes authentication mine dropped', () => {
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']));
    const minus = { ...mine, customProperties: { ...many, a: '1', b: '2' } };
    delete minus.authentication;
    const whole = merge3({ ...base, customProperties: many }, minus, {
      ...theirs,
      customProperties: { ...many, c: '3' },
    });
    expect(whole.conflicts).toEqual(['annotationFileUris', 'authentication', 'customProperties']);
    const resolved = resolveMerge(whole, {
      annotationFileUris: 'mine',
      authentication: 'mine',
      customProperties: 'mine',
    });
    expect(resolved.ok && resolved.fields.customProperties).toEqual({ ...many, a: '1', b: '2' });
    expect(resolved.ok && 'authentication' in resolved.fields).toBe(false);
  });

  it('leaves the map absent when a pick empties it and one side had none', () => {
    const noMap: Fields = { ...mine };
    delete noMap.customProperties;
    const emptied = merge3({ ...base, customProperties: { a: '1' } }, noMap, {
      ...base,
      customProperties: { a: '2' },
    });
    expect(emptied.conflicts).toContain('customProperties.a');
    const resolved = resolveMerge(emptied, {
      annotationFileUris: 'mine',
      authentication: 'mine',
      'customProperties.a': 'mine',
    });
    expect(resolved.ok && 'customProperties' in resolved.fields).toBe(false);
  });

  it('leaves the outcome as it was', () => {
    const before = JSON.stringify(outcome);
    resolveMerge(outcome, {
      annotationFileUris: 'mine',
      authentication: 'mine',
      'customProperties.owner': 'mine',
    });
    expect(JSON.stringify(outcome)).toBe(before);
  });
});
