import { describe, expect, it } from 'vitest';
import { baseName, folderOf, parseBlobUrl, signedUrl } from './blob-url';

describe('reading a blob address', () => {
  it('reads an Azure blob URI: account, container, blob, without the pasted query string', () => {
    const parsed = parseBlobUrl(
      ' https://contoso.blob.core.windows.net/coco/train/a%20b.json?sv=2024&sig=SECRET ',
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        accountUrl: 'https://contoso.blob.core.windows.net',
        account: 'contoso',
        container: 'coco',
        blobName: 'train/a b.json',
        containerUrl: 'https://contoso.blob.core.windows.net/coco',
        url: 'https://contoso.blob.core.windows.net/coco/train/a%20b.json',
      },
    });
    expect(JSON.stringify(parsed)).not.toContain('SECRET');
  });

  it('reads a local emulator path-style address, the account being the first segment', () => {
    for (const host of ['127.0.0.1:10000', 'localhost:10000', '[::1]:10000']) {
      const parsed = parseBlobUrl(`http://${host}/devstoreaccount1/data/coco.json`);
      expect(parsed).toMatchObject({
        ok: true,
        value: {
          account: 'devstoreaccount1',
          accountUrl: `http://${host}/devstoreaccount1`,
          container: 'data',
          blobName: 'coco.json',
        },
      });
    }
  });

  it('takes a container URL, with or without a trailing slash', () => {
    for (const url of [
      'https://contoso.blob.core.windows.net/coco',
      'https://contoso.blob.core.windows.net/coco/',
    ]) {
      expect(parseBlobUrl(url)).toMatchObject({
        ok: true,
        value: {
          container: 'coco',
          blobName: '',
          url: 'https://contoso.blob.core.windows.net/coco',
        },
      });
    }
  });

  it.each([
    ['not a url', /not a web address/],
    ['https://example.com/coco/x.json', /not a Blob Storage address/],
    ['http://contoso.blob.core.windows.net/coco/x.json', /over https/],
    ['https://contoso.blob.core.windows.net/', /names no container/],
    ['https://contoso.blob.core.windows.net/Bad_Name/x.json', /not a container name/],
    ['http://127.0.0.1:10000/', /names the account first/],
    ['https://u:p@contoso.blob.core.windows.net/coco/x.json', /no user name or password/],
    ['https://contoso.evil.blob.core.windows.net/coco/x.json', /not a Blob Storage address/],
  ])('refuses %s with a problem that says what an address looks like', (url, message) => {
    const parsed = parseBlobUrl(url);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem.code).toBe('notBlobUrl');
      expect(parsed.problem.message).toMatch(message);
    }
  });

  it('never echoes a signature, even in the problem about a bad address', () => {
    const parsed = parseBlobUrl('ftp//x?sig=SECRET');
    expect(JSON.stringify(parsed)).not.toContain('SECRET');
  });

  it('names folders and files, and appends a token with or without its question mark', () => {
    expect(folderOf('a/b/c.json')).toBe('a/b/');
    expect(folderOf('c.json')).toBe('');
    expect(baseName('a/b/c.json')).toBe('c.json');
    expect(signedUrl('https://a.blob.core.windows.net/c/x?old=1', '?sv=1&sig=2')).toBe(
      'https://a.blob.core.windows.net/c/x?sv=1&sig=2',
    );
  });
});
