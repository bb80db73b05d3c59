import { describe, expect, it } from 'vitest';
import { TYPED_TOKEN } from './merge-auth';
import type { MergeAuth } from './merge-auth';
import { shownValue } from './shown-value';
import { uri } from './test-datasets';

const saved = (token: string): MergeAuth => ({ kind: 'sas', token });

describe('shownValue', () => {
  it('names annotation kinds as the editor does', () => {
    expect(shownValue('annotationKind', 'imageObjectDetection')).toEqual({
      kind: 'lines',
      lines: ['Image object detection'],
    });
  });

  it('puts each URI on a line of its own, and says when there is none', () => {
    expect(shownValue('annotationFileUris', [uri(0), uri(1)])).toMatchObject({
      lines: [uri(0), uri(1)],
    });
    expect(shownValue('annotationFileUris', [])).toEqual({ kind: 'absent', text: 'No files' });
  });

  it('says which authentication, and whether a token is saved or typed, never the token', () => {
    const text = (auth: MergeAuth | null, loaded?: MergeAuth) => {
      const shown = shownValue('authentication', auth, loaded);
      return shown.kind === 'lines' ? [...shown.lines, shown.note ?? ''].join(' ').trim() : '';
    };
    expect(text({ kind: 'none', token: null })).toBe('None');
    expect(text(null)).toBe('None');
    expect(text({ kind: 'managedIdentity', token: null })).toBe('Managed identity');
    expect(text(saved('fp-1'), saved('fp-1'))).toBe('SAS token (saved)');
    expect(text({ kind: 'sas', token: TYPED_TOKEN })).toBe('SAS token (new, typed)');
    expect(text(saved('fp-2'), saved('fp-1'))).toBe('SAS token (saved) Not the token you loaded');
    expect(text(saved('fp-2'))).not.toContain('fp-2');
  });

  it('shows property values as they are, and an absent or empty one in words', () => {
    expect(shownValue('customProperties.stage', 'final')).toEqual({
      kind: 'lines',
      lines: ['final'],
    });
    expect(shownValue('customProperties.stage', null)).toEqual({ kind: 'absent', text: 'Not set' });
    expect(shownValue('customProperties.stage', '')).toEqual({ kind: 'absent', text: 'Empty' });
    expect(shownValue('customProperties', { a: '1', b: '2' })).toEqual({
      kind: 'lines',
      lines: ['a = 1', 'b = 2'],
    });
    expect(shownValue('customProperties', {})).toEqual({ kind: 'absent', text: 'No properties' });
  });
});
