import type { AnnotationKind } from '../contract/dataset';
import { fileNameProblem, joinCocoUrl, parseCocoUrlBase } from './coco-url-base';
import { imageUrlKey, isAbsoluteHttpUri } from './image-url';
import { preview } from './wording';

/**
 * A fixed copy of a COCO file: the mistakes that have one right answer, mended. Boxes in pixels
 * become relative (divided by their image's width and height), ids that are not 1..N are
 * renumbered in the file's order with every reference following, and a missing or relative
 * `coco_url` is built from a base URL and `file_name`. What cannot be fixed that way is left as
 * it is and listed with why. The input is never changed: entries that change are copied, the
 * others are shared with the answer.
 */

export type FixKind = 'pixelBoxes' | 'imageIds' | 'annotationIds' | 'categoryIds' | 'cocoUrls';

export interface FixExample {
  /** `annotations[3].bbox`. */
  location: string;
  before: string;
  after: string;
}

export interface NotFixedExample {
  location: string;
  /** Why it was left as it was, and what to do. */
  reason: string;
}

export interface FixGroup {
  kind: FixKind;
  title: string;
  /** Values changed: entries renumbered, boxes divided, addresses written. */
  count: number;
  /** References (annotations' image_id or category_id) that followed a renumbering. */
  references: number;
  examples: FixExample[];
}

export interface NotFixedGroup {
  kind: FixKind;
  title: string;
  count: number;
  examples: NotFixedExample[];
}

export interface FixSummary {
  /** Only kinds with at least one change, in FIX_KINDS order. */
  fixed: FixGroup[];
  notFixed: NotFixedGroup[];
  /** Every value changed, references included: 0 means the copy equals the file. */
  changes: number;
}

export interface FixOptions {
  kind: AnnotationKind;
  /** The images' folder URL; without it, addresses are not built (and are listed as not fixed). */
  cocoUrlBase?: string;
  /** Examples kept per kind; 3 by default. */
  maxExamples?: number;
}

export type FixResult =
  | { ok: true; fixed: Record<string, unknown>; summary: FixSummary }
  | { ok: false; message: string };

export const FIX_KINDS: readonly FixKind[] = [
  'pixelBoxes',
  'imageIds',
  'annotationIds',
  'categoryIds',
  'cocoUrls',
];

export const FIX_TITLES: Record<FixKind, string> = {
  pixelBoxes: 'Boxes in pixels made relative to the image',
  imageIds: 'Image ids renumbered 1..N',
  annotationIds: 'Annotation ids renumbered 1..N',
  categoryIds: 'Category ids renumbered 1..N',
  cocoUrls: 'coco_url built from the base URL and file_name',
};

/** A box may reach this far past its image (rounding in the tool that wrote it): it is clipped. */
const EDGE_TOLERANCE_PX = 1;

type JsonObject = Record<string, unknown>;
type IdKey = string | number;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idKey(value: unknown): IdKey | undefined {
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

/** A value as the file has it, for an example: long enough to show a whole address. */
function shown(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = (JSON.stringify(value) ?? String(value)).replace(/,(?=\S)/g, ', ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

function withoutQuery(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/[?#][\s\S]*$/, '') : value;
}

class Tally {
  private readonly fixed = new Map<FixKind, FixGroup>();
  private readonly notFixed = new Map<FixKind, NotFixedGroup>();
  changes = 0;

  constructor(private readonly maxExamples: number) {}

  change(kind: FixKind, location: string, before: unknown, after: unknown): void {
    const group = this.groupOf(kind);
    group.count += 1;
    this.changes += 1;
    if (group.examples.length < this.maxExamples) {
      group.examples.push({
        location,
        before: shown(withoutQuery(before)),
        after: shown(after),
      });
    }
  }

  reference(kind: FixKind): void {
    this.groupOf(kind).references += 1;
    this.changes += 1;
  }

  refuse(kind: FixKind, location: string, reason: string): void {
    let group = this.notFixed.get(kind);
    if (!group) {
      group = { kind, title: FIX_TITLES[kind], count: 0, examples: [] };
      this.notFixed.set(kind, group);
    }
    group.count += 1;
    if (group.examples.length < this.maxExamples) group.examples.push({ location, reason });
  }

  summary(): FixSummary {
    const inOrder = <T>(groups: Map<FixKind, T>) =>
      FIX_KINDS.flatMap((kind) => (groups.has(kind) ? [groups.get(kind)!] : []));
    return {
      fixed: inOrder(this.fixed),
      notFixed: inOrder(this.notFixed),
      changes: this.changes,
    };
  }

  private groupOf(kind: FixKind): FixGroup {
    let group = this.fixed.get(kind);
    if (!group) {
      group = { kind, title: FIX_TITLES[kind], count: 0, references: 0, examples: [] };
      this.fixed.set(kind, group);
    }
    return group;
  }
}

/** A list copied once, on its first change. */
class CopyOnWrite {
  private copy: unknown[] | undefined;
  constructor(private readonly original: readonly unknown[]) {}

  get(index: number): unknown {
    return (this.copy ?? this.original)[index];
  }

  /** The entry at `index` with `key` set, the entry itself copied the first time. */
  set(index: number, key: string, value: unknown, copied: Set<number>): void {
    this.copy ??= this.original.slice();
    const entry = this.copy[index] as JsonObject;
    const target = copied.has(index) ? entry : { ...entry };
    copied.add(index);
    target[key] = value;
    this.copy[index] = target;
  }

  result(): unknown[] {
    return this.copy ?? (this.original as unknown[]);
  }
}

class EditableList {
  readonly list: CopyOnWrite;
  private readonly copied = new Set<number>();
  constructor(readonly original: readonly unknown[]) {
    this.list = new CopyOnWrite(original);
  }
  get length() {
    return this.original.length;
  }
  entry(index: number): JsonObject | undefined {
    const value = this.list.get(index);
    return isObject(value) ? value : undefined;
  }
  set(index: number, key: string, value: unknown) {
    this.list.set(index, key, value, this.copied);
  }
}

function usableSide(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function isPixelBox(box: unknown): box is [number, number, number, number] {
  return (
    Array.isArray(box) &&
    box.length === 4 &&
    box.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    box.some((n) => (n as number) > 1)
  );
}

function fixPixelBoxes(images: EditableList, annotations: EditableList, tally: Tally): void {
  // The first image with an id, as the checker takes it; sizes as the file wrote them.
  const imageAt = new Map<IdKey, number>();
  for (let i = 0; i < images.length; i++) {
    const key = idKey(images.entry(i)?.id);
    if (key !== undefined && !imageAt.has(key)) imageAt.set(key, i);
  }
  for (let i = 0; i < annotations.length; i++) {
    const annotation = annotations.entry(i);
    const box = annotation?.bbox;
    if (!annotation || !isPixelBox(box)) continue;
    const location = `annotations[${i}].bbox`;
    const key = idKey(annotation.image_id);
    const imageIndex = key === undefined ? undefined : imageAt.get(key);
    if (imageIndex === undefined) {
      tally.refuse(
        'pixelBoxes',
        location,
        `image_id ${preview(annotation.image_id)} names no image, so the image's size is unknown: fix image_id first.`,
      );
      continue;
    }
    const image = images.entry(imageIndex)!;
    const width = usableSide(image.width);
    const height = usableSide(image.height);
    if (width === undefined || height === undefined) {
      tally.refuse(
        'pixelBoxes',
        location,
        `images[${imageIndex}] has no usable width and height to divide by: add them (in pixels).`,
      );
      continue;
    }
    const [left, top, boxWidth, boxHeight] = box;
    const size = `${width} x ${height} px`;
    if (left < 0 || top < 0 || boxWidth <= 0 || boxHeight <= 0) {
      tally.refuse(
        'pixelBoxes',
        location,
        `${preview(box)} starts outside the image or has no area: correct the box by hand.`,
      );
      continue;
    }
    if (
      left >= width ||
      top >= height ||
      left + boxWidth > width + EDGE_TOLERANCE_PX ||
      top + boxHeight > height + EDGE_TOLERANCE_PX
    ) {
      tally.refuse(
        'pixelBoxes',
        location,
        `${preview(box)} reaches past the image's ${size}: the box or the image's width and height are wrong; correct them by hand.`,
      );
      continue;
    }
    // Clipped to the edge: a box a pixel over is the exporting tool's rounding, not a region.
    const fitWidth = Math.min(boxWidth, width - left);
    const fitHeight = Math.min(boxHeight, height - top);
    const relative = [left / width, top / height, fitWidth / width, fitHeight / height];
    annotations.set(i, 'bbox', relative);
    tally.change('pixelBoxes', location, box, relative);
  }
}

/** Ids already unique and exactly 1..N (in any order): the rule holds, nothing to renumber. */
function isOneToN(list: EditableList): boolean {
  const seen = new Uint8Array(list.length + 1);
  for (let i = 0; i < list.length; i++) {
    const id = list.entry(i)?.id;
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 1 || id > list.length) return false;
    if (seen[id]) return false;
    seen[id] = 1;
  }
  return true;
}

interface Referenced {
  field: 'image_id' | 'category_id';
  /** `image`, for the words. */
  noun: string;
}

/**
 * Ids 1..N in the file's order; the annotations' references follow. A list whose ids repeat, or
 * that an annotation refers to by an id it does not have, is left alone: after renumbering the
 * reference could name another entry, silently.
 */
function renumber(
  name: 'images' | 'annotations' | 'categories',
  kind: FixKind,
  list: EditableList,
  annotations: EditableList,
  referenced: Referenced | undefined,
  tally: Tally,
): void {
  if (isOneToN(list)) return;
  const newIds = new Map<IdKey, number>();
  if (referenced) {
    let refused = false;
    const firstAt = new Map<IdKey, number>();
    for (let i = 0; i < list.length; i++) {
      const key = idKey(list.entry(i)?.id);
      if (key === undefined) continue;
      const first = firstAt.get(key);
      if (first === undefined) {
        firstAt.set(key, i);
        newIds.set(key, i + 1);
        continue;
      }
      refused = true;
      tally.refuse(
        kind,
        `${name}[${i}].id`,
        `id ${preview(key)} is also the id of ${name}[${first}], so which one an annotation means cannot be told: give each a unique id, then fix again.`,
      );
    }
    for (let i = 0; i < annotations.length; i++) {
      const value = annotations.entry(i)?.[referenced.field];
      const key = idKey(value);
      if (key === undefined || newIds.has(key)) continue;
      refused = true;
      tally.refuse(
        kind,
        `annotations[${i}].${referenced.field}`,
        `${referenced.field} ${preview(value)} names no ${referenced.noun}; renumbering could make it name another one, so ${name} keep their ids: fix or remove this annotation, then fix again.`,
      );
    }
    if (refused) return;
  }
  for (let i = 0; i < list.length; i++) {
    const entry = list.entry(i);
    if (!entry || entry.id === i + 1) continue;
    const before = entry.id;
    list.set(i, 'id', i + 1);
    tally.change(kind, `${name}[${i}].id`, before, i + 1);
  }
  if (!referenced) return;
  for (let i = 0; i < annotations.length; i++) {
    const annotation = annotations.entry(i);
    const key = idKey(annotation?.[referenced.field]);
    if (key === undefined) continue;
    const next = newIds.get(key)!;
    if (next === annotation![referenced.field]) continue;
    annotations.set(i, referenced.field, next);
    tally.reference(kind);
  }
}

function hasUsableUrl(image: JsonObject): boolean {
  const key = imageUrlKey(image);
  return key !== undefined && isAbsoluteHttpUri(image[key]);
}

/**
 * Only addresses the service could not use (missing, or not absolute http(s), as the checker
 * says) are built: an absolute one stays, even when it points elsewhere than the base.
 */
function fixCocoUrls(images: EditableList, base: string | undefined, tally: Tally): void {
  for (let i = 0; i < images.length; i++) {
    const image = images.entry(i);
    if (!image || hasUsableUrl(image)) continue;
    const location = `images[${i}].coco_url`;
    if (base === undefined) {
      tally.refuse(
        'cocoUrls',
        location,
        'Give the images’ folder as the base URL for coco_url to build the address from file_name.',
      );
      continue;
    }
    const problem = fileNameProblem(image.file_name);
    if (problem !== undefined) {
      tally.refuse('cocoUrls', location, `The address cannot be built: ${problem}.`);
      continue;
    }
    const url = joinCocoUrl(base, image.file_name as string);
    images.set(i, 'coco_url', url);
    tally.change('cocoUrls', location, image.coco_url, url);
  }
}

export function createFixedCopy(input: unknown, options: FixOptions): FixResult {
  if (!isObject(input)) {
    return {
      ok: false,
      message:
        'The file’s top level is not an object with images, annotations and categories: it cannot be fixed automatically.',
    };
  }
  let base: string | undefined;
  if (options.cocoUrlBase !== undefined) {
    const parsed = parseCocoUrlBase(options.cocoUrlBase);
    if (!parsed.ok) return { ok: false, message: parsed.message };
    base = parsed.base;
  }
  const listOf = (name: string) => {
    const value = input[name];
    return Array.isArray(value) ? new EditableList(value) : undefined;
  };
  const images = listOf('images');
  const annotations = listOf('annotations');
  const categories = listOf('categories');
  const noAnnotations = new EditableList([]);
  const tally = new Tally(options.maxExamples ?? 3);

  if (options.kind === 'imageObjectDetection' && images && annotations) {
    fixPixelBoxes(images, annotations, tally);
  }
  const refs = annotations ?? noAnnotations;
  if (images) {
    renumber('images', 'imageIds', images, refs, { field: 'image_id', noun: 'image' }, tally);
  }
  if (annotations) renumber('annotations', 'annotationIds', annotations, refs, undefined, tally);
  if (categories) {
    renumber(
      'categories',
      'categoryIds',
      categories,
      refs,
      { field: 'category_id', noun: 'category' },
      tally,
    );
  }
  if (images) fixCocoUrls(images, base, tally);

  const fixed: Record<string, unknown> = { ...input };
  if (images) fixed.images = images.list.result();
  if (annotations) fixed.annotations = annotations.list.result();
  if (categories) fixed.categories = categories.list.result();
  return { ok: true, fixed, summary: tally.summary() };
}

/** `train.json` → `train.fixed.json`; `train.fixed.json` → `train.fixed-2.json` for n = 2. */
export function fixedFileName(name: string, n = 1): string {
  const stem = name.replace(/\.json$/i, '');
  return `${stem}.fixed${n > 1 ? `-${n}` : ''}.json`;
}
