import { describe, expect, it } from 'vitest';
import { containerNameOf, crumbsOf, nameInFolder, parentOf } from './folder-path';

describe('folder paths', () => {
  it('gives one step per folder, each with its whole prefix', () => {
    expect(crumbsOf('')).toEqual([]);
    expect(crumbsOf('coco/train/')).toEqual([
      { label: 'coco', prefix: 'coco/' },
      { label: 'train', prefix: 'coco/train/' },
    ]);
  });

  it('goes up one folder, to the top at most', () => {
    expect(parentOf('coco/train/')).toBe('coco/');
    expect(parentOf('coco/')).toBe('');
    expect(parentOf('')).toBe('');
  });

  it('names a blob inside its folder and a container by its URL', () => {
    expect(nameInFolder('coco/train.json', 'coco/')).toBe('train.json');
    expect(containerNameOf('http://127.0.0.1:10000/devstoreaccount1/my%20data')).toBe('my data');
    expect(containerNameOf('https://acct.blob.core.windows.net/data')).toBe('data');
  });
});
