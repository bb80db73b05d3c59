import { describe, expect, it } from 'vitest';
import { sasInsight } from '../../../../shared/storage/sas-insight';
import {
  EXPIRED_WARNING,
  LIST_WARNING,
  READ_WARNING,
  sasTokenNotes,
  shownSasInsight,
} from './sas-token-notes';

const now = new Date('2026-12-01T12:00:00Z');
const shown = (iso: string) => `at ${iso}`;
const token = (params: string) => `sv=2022-11-02&sr=c&${params}&sig=c2lnbmF0dXJl0%3D`;

describe('sasTokenNotes', () => {
  it('says nothing more than the expiry for a good token', () => {
    const notes = sasTokenNotes(sasInsight(token('sp=rl&se=2027-01-01T12:00:00Z')), now, shown);
    expect(notes).toEqual({
      expiry: { text: 'Expires in 31 days', state: 'ok' },
      expiresAt: '2027-01-01T12:00:00.000Z',
      warnings: [],
    });
  });

  it('warns that the service cannot read, and Browse files cannot list, without r and l', () => {
    const notes = sasTokenNotes(sasInsight(token('sp=w&se=2027-01-01')), now, shown);
    expect(notes.warnings).toEqual([READ_WARNING, LIST_WARNING]);
    expect(sasTokenNotes(sasInsight(token('sp=r&se=2027-01-01')), now, shown).warnings).toEqual([
      LIST_WARNING,
    ]);
  });

  it('puts an expired token first, saying to generate a new one', () => {
    const notes = sasTokenNotes(sasInsight(token('sp=l&se=2026-11-21T12:00:00Z')), now, shown);
    expect(notes.expiry).toEqual({ text: 'Expired 10 days ago', state: 'expired' });
    expect(notes.warnings).toEqual([EXPIRED_WARNING, READ_WARNING]);
  });

  it('warns about a token that has not started yet, with its start time', () => {
    const notes = sasTokenNotes(
      sasInsight(token('sp=rl&st=2026-12-05T00:00:00Z&se=2027-01-01')),
      now,
      shown,
    );
    expect(notes.warnings).toEqual([
      'This SAS token is not valid yet: it starts at 2026-12-05T00:00:00.000Z.',
    ]);
  });

  it('has no expiry date, and the token’s own problem, when se is missing', () => {
    const notes = sasTokenNotes(sasInsight(token('sp=rl')), now, shown);
    expect(notes.expiry).toEqual({ text: 'No expiry date', state: 'none' });
    expect(notes.expiresAt).toBeUndefined();
    expect(notes.warnings).toEqual([
      'The token has no expiry date (se); generate a token with one.',
    ]);
  });
});

describe('shownSasInsight', () => {
  const saved = sasInsight(token('sp=rl&se=2027-01-01'));

  it('describes the typed token over the saved one', () => {
    expect(shownSasInsight(token('sp=w&se=2026-12-02'), saved, false)).toMatchObject({
      canRead: false,
      expiresAt: '2026-12-02T00:00:00.000Z',
    });
  });

  it('describes the saved token while the box is empty', () => {
    expect(shownSasInsight('', saved, false)).toBe(saved);
  });

  it('says nothing about the saved token when a typed one is kept with the draft', () => {
    expect(shownSasInsight('', saved, true)).toBeUndefined();
  });
});
