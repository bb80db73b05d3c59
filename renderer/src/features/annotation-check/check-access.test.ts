import { describe, expect, it } from 'vitest';
import { storageAccessOf } from './check-access';

const NO_SOURCES = { savedSasToken: false, keptSasToken: false };

describe('storageAccessOf', () => {
  it('reads public files without a token', () => {
    expect(storageAccessOf({ authKind: 'none', sasToken: 'ignored' }, NO_SOURCES, '')).toEqual({
      access: { kind: 'none' },
    });
  });

  it('sends a typed token, trimmed, over any saved or kept one', () => {
    expect(
      storageAccessOf(
        { authKind: 'sas', sasToken: ' sv=1&sig=x ' },
        { savedSasToken: true, keptSasToken: true },
        '',
      ),
    ).toEqual({ access: { kind: 'sas', source: 'typed', sasToken: 'sv=1&sig=x' } });
  });

  it('takes the token kept with the draft before the saved one, as a save does', () => {
    expect(
      storageAccessOf(
        { authKind: 'sas', sasToken: '' },
        { savedSasToken: true, keptSasToken: true },
        '',
      ),
    ).toEqual({ access: { kind: 'sas', source: 'draft' } });
    expect(
      storageAccessOf(
        { authKind: 'sas', sasToken: '  ' },
        { savedSasToken: true, keptSasToken: false },
        '',
      ),
    ).toEqual({ access: { kind: 'sas', source: 'saved' } });
  });

  it('says to type a token when SAS is chosen and there is none anywhere', () => {
    const choice = storageAccessOf({ authKind: 'sas', sasToken: '' }, NO_SOURCES, '');
    expect(choice).toEqual({ problem: expect.stringContaining('Type the SAS token') });
  });

  it('adds a read SAS typed for the check to a managed identity, and only then', () => {
    expect(storageAccessOf({ authKind: 'managedIdentity', sasToken: '' }, NO_SOURCES, '')).toEqual({
      access: { kind: 'managedIdentity' },
    });
    expect(
      storageAccessOf({ authKind: 'managedIdentity', sasToken: '' }, NO_SOURCES, 'sp=r&sig=y'),
    ).toEqual({ access: { kind: 'managedIdentity', checkSasToken: 'sp=r&sig=y' } });
  });
});
