/**
 * The base URL a fixed copy builds `coco_url` from (base + `file_name`). Apart from the fixer so
 * the page can check what is typed without loading it.
 */

export type CocoUrlBaseResult = { ok: true; base: string } | { ok: false; message: string };

/** Checks a typed base URL; the answer's `base` always ends with `/`. */
export function parseCocoUrlBase(text: string): CocoUrlBaseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Type the folder URL the images are in.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message:
        'The base URL is not a web address: write the images’ folder, such as https://ACCOUNT.blob.core.windows.net/CONTAINER/images/.',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: 'The base URL must start with https:// (or http://).' };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'The base URL carries no user name or password; remove them.' };
  }
  // coco_url is read with the dataset's own access: a token written into the file would be
  // copied into every image address and outlive its expiry there.
  if (url.search !== '' || trimmed.includes('?')) {
    return {
      ok: false,
      message:
        'Remove the query string (from “?” on) from the base URL: a SAS token does not belong in coco_url; the service reads the images with the dataset’s access.',
    };
  }
  if (url.hash !== '' || trimmed.includes('#')) {
    return { ok: false, message: 'Remove the “#” part from the base URL.' };
  }
  const href = url.href;
  return { ok: true, base: href.endsWith('/') ? href : `${href}/` };
}

/** `https://host/c/a/b.json` → `https://host/c/a/`: where an annotation file is, query dropped. */
export function folderUrlOf(fileUri: string): string {
  const clean = fileUri.trim().replace(/[?#][\s\S]*$/, '');
  const slash = clean.lastIndexOf('/');
  return slash > clean.indexOf('//') + 1 ? clean.slice(0, slash + 1) : clean;
}

/** The reason a file name cannot be joined to a base URL, if it cannot. */
export function fileNameProblem(fileName: unknown): string | undefined {
  if (typeof fileName !== 'string' || fileName.trim() === '') {
    return 'it has no file_name to build the address from';
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(fileName)) return 'its file_name is an address, not a path';
  const segments = fileName.replace(/^\/+/, '').split('/');
  if (segments.some((s) => s === '.' || s === '..')) {
    return 'its file_name has "." or ".." in its path';
  }
  return undefined;
}

/** base (from parseCocoUrlBase) + the file name, each path segment %-encoded. */
export function joinCocoUrl(base: string, fileName: string): string {
  const path = fileName
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return `${base}${path}`;
}
