/*
 * Folders of a container are prefixes of blob paths ending in `/` (`coco/train/`); the
 * container's top is the empty prefix.
 */

export interface Crumb {
  label: string;
  prefix: string;
}

/** The way from the container's top to `prefix`, one step per folder. */
export function crumbsOf(prefix: string): Crumb[] {
  const parts = prefix.split('/').filter((part) => part !== '');
  return parts.map((label, index) => ({
    label,
    prefix: `${parts.slice(0, index + 1).join('/')}/`,
  }));
}

export function parentOf(prefix: string): string {
  const crumbs = crumbsOf(prefix);
  return crumbs.length < 2 ? '' : (crumbs[crumbs.length - 2]?.prefix ?? '');
}

/** A path as shown inside its folder: `coco/train.json` in `coco/` is `train.json`. */
export function nameInFolder(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The container's name, the last part of its URL. */
export function containerNameOf(containerUrl: string): string {
  try {
    const parts = new URL(containerUrl).pathname.split('/').filter((part) => part !== '');
    return decodeURIComponent(parts[parts.length - 1] ?? containerUrl);
  } catch {
    return containerUrl;
  }
}
