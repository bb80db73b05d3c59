import { describe, expect, it } from 'vitest';
import { carryChoices } from './carry-choices';
import { merge3 } from './merge3';
import type { MergeChoices, MergeFields } from './merge-types';

type Auth = { kind: string; hasSasToken?: boolean; sasToken?: string };
type Fields = MergeFields<Auth>;

const uri = (n: number) => `https://acct.blob.core.windows.net/c/${n}.json`;

const base: Fields = {
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(0), uri(1)],
  authentication: { kind: 'none', hasSasToken: false },
  customProperties: { team: 'botany', owner: 'ana', site: 'lab' },
};
const mine: Fields = {
  annotationKind: 'imageClassification',
  annotationFileUris: [uri(0), uri(5)],
  authentication: { kind: 'sas', sasToken: 'sv=1&sig=new' },
  customProperties: { team: 'physics', owner: 'ana', site: 'field' },
};
const theirs: Fields = {
  ...base,
  annotationFileUris: [uri(0), uri(6)],
  authentication: { kind: 'managedIdentity', hasSasToken: false },
  customProperties: { team: 'zoology', owner: 'ana', site: 'desk' },
};

const previous = merge3(base, mine, theirs);
const picks: MergeChoices = {
  annotationFileUris: 'mine',
  authentication: 'theirs',
  'customProperties.team': 'mine',
  'customProperties.site': 'theirs',
};

describe('carryChoices', () => {
  it('starts from an outcome with the four conflicts picked', () => {
    expect(previous.conflicts).toEqual(Object.keys(picks));
  });

  it('keeps every pick when the next merge has the same conflicts with the same sides', () => {
    const again = merge3(base, mine, { ...theirs, annotationKind: 'imageObjectDetection' });
    expect(carryChoices(picks, previous, again)).toEqual(picks);
  });

  it('drops picks whose field is no longer in conflict or whose sides changed', () => {
    const next = merge3(base, mine, {
      ...theirs,
      // Their list now holds mine's entry too: no conflict there any more.
      annotationFileUris: [uri(0), uri(5)],
      // Same authentication as before: the pick still applies.
      authentication: { kind: 'managedIdentity', hasSasToken: false },
      // Team changed again on their side: what the user picked against is gone.
      customProperties: { team: 'chemistry', owner: 'li', site: 'desk' },
    });
    expect(next.conflicts).toEqual([
      'authentication',
      'customProperties.team',
      'customProperties.site',
    ]);
    expect(carryChoices(picks, previous, next)).toEqual({
      authentication: 'theirs',
      'customProperties.site': 'theirs',
    });
  });

  it('drops a pick when mine changed for that field, and values that are not a side', () => {
    const next = merge3(base, { ...mine, authentication: { kind: 'none' } }, theirs);
    const carried = carryChoices(
      { ...picks, 'customProperties.team': 'both' } as never,
      previous,
      next,
    );
    expect(carried).toEqual({ annotationFileUris: 'mine', 'customProperties.site': 'theirs' });
  });

  it('carries no pick for a field that was not in conflict before', () => {
    // Mine changed authentication and theirs did not: no conflict, so nothing was picked.
    const quiet = merge3(base, mine, { ...theirs, authentication: base.authentication });
    expect(quiet.conflicts).not.toContain('authentication');
    // Against another base the same two sides conflict; a stray pick must not count as made.
    const other = merge3(
      { ...base, authentication: { kind: 'managedIdentity', hasSasToken: false } },
      mine,
      { ...theirs, authentication: base.authentication },
    );
    expect(other.conflicts).toContain('authentication');
    expect(carryChoices({ ...picks, authentication: 'mine' }, quiet, other)).not.toHaveProperty(
      'authentication',
    );
  });
});
