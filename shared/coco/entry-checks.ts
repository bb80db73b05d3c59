import { GrowableFloat64, hashString, NumberIndex } from './compact-tables';
import { imageUrlKey, isAbsoluteHttpUri } from './image-url';
import type { ProblemList } from './problem-list';
import type { CocoAnnotationRef, CocoCheckOptions, CocoImageRef } from './report';
import { COUNT_LIMITS, isMeaninglessCategoryName, type CountLimits, type RuleId } from './rules';
import { count, kindName, preview, short } from './wording';

/**
 * The checks on one entry of `images`, `annotations` or `categories`, made as the parser hands
 * each one over, and the compact state the whole-file checks need afterwards (ids, sizes,
 * references): numbers in typed arrays, so a million entries stay a few tens of megabytes.
 */

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Image URLs may carry a SAS token: messages show them without their query string. */
function withoutQuery(value: unknown): unknown {
  return typeof value === 'string' ? value.replace(/[?#][\s\S]*$/, '') : value;
}

/** An entry's place in the file, `images[3]`: made only when a problem needs it. */
type EntryAt = () => string;

function entryAt(list: string, index: number): EntryAt {
  return () => `${list}[${index}]`;
}

/** The categories listed in the statistics: the first ones, in the file's order. */
export const MAX_LISTED_CATEGORIES = 5_000;

export interface ListedCategory {
  index: number;
  id: number;
  name: string;
}

export class EntryChecks {
  readonly limits: CountLimits;
  readonly images = {
    count: 0,
    /** Image id -> index of the first image with it. */
    ids: new NumberIndex(),
    widths: new GrowableFloat64(),
    heights: new GrowableFloat64(),
    fileNames: new NumberIndex(),
  };
  readonly annotations = {
    count: 0,
    ids: new NumberIndex(),
    /** Per annotation, its image_id and category_id (NaN when unusable): resolved at the end. */
    imageIds: new GrowableFloat64(),
    categoryIds: new GrowableFloat64(),
  };
  readonly categories = {
    count: 0,
    ids: new NumberIndex(),
    /** Per category, its id (NaN when unusable), for the messages of the whole-file checks. */
    idsByIndex: new GrowableFloat64(),
    names: new NumberIndex(),
    listed: [] as ListedCategory[],
  };
  width: { min: number; max: number } | null = null;
  height: { min: number; max: number } | null = null;

  private readonly detection: boolean;
  private readonly doing: string;

  constructor(
    options: CocoCheckOptions,
    private readonly problems: ProblemList,
    private readonly onImage: (image: CocoImageRef) => void,
    private readonly onAnnotation?: (annotation: CocoAnnotationRef) => void,
  ) {
    this.limits = COUNT_LIMITS[options.kind][options.purpose];
    this.detection = options.kind === 'imageObjectDetection';
    this.doing = `${kindName(options.kind)} ${options.purpose}`;
  }

  image(value: unknown, index: number): void {
    const images = this.images;
    images.count = index + 1;
    const at = entryAt('images', index);
    if (!isObject(value)) {
      this.problems.add(
        'image-fields',
        at(),
        () =>
          `${at()} is ${preview(value)}, not an object: each image is an object with id, width, height, file_name and coco_url.`,
      );
      images.widths.push(NaN);
      images.heights.push(NaN);
      return;
    }
    const id = this.integer(
      'image-fields',
      at,
      value,
      'id',
      'every image needs its own integer id, 1 to the number of images',
    );
    if (!Number.isNaN(id)) this.unique(images.ids, id, index, 'images');
    const width = this.side(value, at, 'width');
    const height = this.side(value, at, 'height');
    images.widths.push(width);
    images.heights.push(height);

    const fileName = value.file_name;
    if (typeof fileName !== 'string' || fileName === '') {
      this.problems.add('image-fields', `${at()}.file_name`, () =>
        fileName === undefined
          ? `${at()} has no file_name: add the image's file name.`
          : `${at()}.file_name is ${preview(fileName)}: it must be the image's file name, a non-empty string.`,
      );
    } else {
      const first = images.fileNames.addIfAbsent(hashString(fileName), index);
      if (first >= 0) {
        this.problems.add(
          'file-name-unique',
          `${at()}.file_name`,
          () =>
            `file_name ${preview(fileName)} is also the file name of images[${first}]: give every image its own file name.`,
        );
      }
    }
    this.url(value, at, index, typeof fileName === 'string' ? fileName : '', {
      ...(!Number.isNaN(id) && { imageId: id }),
      ...(!Number.isNaN(width) && !Number.isNaN(height) && { width, height }),
    });
  }

  annotation(value: unknown, index: number): void {
    const annotations = this.annotations;
    annotations.count = index + 1;
    const at = entryAt('annotations', index);
    if (!isObject(value)) {
      this.problems.add(
        'annotation-fields',
        at(),
        () =>
          `${at()} is ${preview(value)}, not an object: each annotation is an object with id, image_id and category_id${this.detection ? ' and bbox' : ''}.`,
      );
      annotations.imageIds.push(NaN);
      annotations.categoryIds.push(NaN);
      return;
    }
    const id = this.integer(
      'annotation-fields',
      at,
      value,
      'id',
      'every annotation needs its own integer id, 1 to the number of annotations',
    );
    if (!Number.isNaN(id)) this.unique(annotations.ids, id, index, 'annotations');
    const imageId = this.integer(
      'annotation-fields',
      at,
      value,
      'image_id',
      'image_id is the integer id of the image the annotation belongs to',
    );
    const categoryId = this.integer(
      'annotation-fields',
      at,
      value,
      'category_id',
      'category_id is the integer id of the category the annotation belongs to',
    );
    annotations.imageIds.push(imageId);
    annotations.categoryIds.push(categoryId);
    const area = value.area;
    if (area !== undefined && !(typeof area === 'number' && Number.isFinite(area) && area >= 0)) {
      this.problems.add(
        'annotation-fields',
        `${at()}.area`,
        () =>
          `${at()}.area is ${preview(area)}: leave area out or give it as a number of 0 or more.`,
      );
    }
    if (this.detection) this.bbox(value.bbox, at, imageId);
    if (this.onAnnotation && !Number.isNaN(imageId) && !Number.isNaN(categoryId)) {
      const box = value.bbox;
      const usable =
        Array.isArray(box) &&
        box.length === 4 &&
        box.every((n) => typeof n === 'number' && Number.isFinite(n));
      this.onAnnotation({
        imageId,
        categoryId,
        ...(usable && { bbox: box as [number, number, number, number] }),
      });
    }
  }

  category(value: unknown, index: number): void {
    const categories = this.categories;
    categories.count = index + 1;
    const at = entryAt('categories', index);
    if (!isObject(value)) {
      this.problems.add(
        'category-fields',
        at(),
        () =>
          `${at()} is ${preview(value)}, not an object: each category is an object with id and name.`,
      );
      categories.idsByIndex.push(NaN);
      return;
    }
    const id = this.integer(
      'category-fields',
      at,
      value,
      'id',
      'every category needs its own integer id, 1 to the number of categories',
    );
    const idIsNew = !Number.isNaN(id) && this.unique(categories.ids, id, index, 'categories');
    categories.idsByIndex.push(idIsNew ? id : NaN);

    const name = value.name;
    if (typeof name !== 'string') {
      this.problems.add('category-fields', `${at()}.name`, () =>
        name === undefined
          ? `${at()} has no name: add the name of what it labels, such as "cat".`
          : `${at()}.name is ${preview(name)}: the name must be a string, such as "cat".`,
      );
    } else {
      this.categoryName(name, at, index);
    }
    if (idIsNew && index < MAX_LISTED_CATEGORIES) {
      categories.listed.push({ index, id, name: typeof name === 'string' ? name : '' });
    }
  }

  /** The size of the image with this id, when it has been read: for a box's pixel hint. */
  imageSize(imageId: number): { width: number; height: number } | undefined {
    if (Number.isNaN(imageId)) return undefined;
    const index = this.images.ids.get(imageId);
    if (index < 0) return undefined;
    const width = this.images.widths.get(index);
    const height = this.images.heights.get(index);
    return Number.isNaN(width) || Number.isNaN(height) ? undefined : { width, height };
  }

  private integer(rule: RuleId, at: EntryAt, entry: JsonObject, key: string, need: string): number {
    const value = entry[key];
    if (isInteger(value)) return value;
    this.problems.add(rule, `${at()}.${key}`, () =>
      value === undefined
        ? `${at()} has no ${key}: ${need}.`
        : `${at()}.${key} is ${preview(value)}: ${need}.`,
    );
    return NaN;
  }

  /** Records id for index; false (and a problem) when an earlier entry has it. */
  private unique(table: NumberIndex, id: number, index: number, list: string): boolean {
    const first = table.addIfAbsent(id, index);
    if (first < 0) return true;
    this.problems.add(
      'ids-unique',
      `${list}[${index}].id`,
      () => `id ${id} is also the id of ${list}[${first}]: give every entry of ${list} its own id.`,
    );
    return false;
  }

  private side(image: JsonObject, at: EntryAt, key: 'width' | 'height'): number {
    const value = image[key];
    if (!isInteger(value) || value <= 0) {
      this.problems.add('image-fields', `${at()}.${key}`, () =>
        value === undefined
          ? `${at()} has no ${key}: add the image's ${key} in pixels.`
          : `${at()}.${key} is ${preview(value)}: it must be the image's ${key} in pixels, a whole number above 0.`,
      );
      return NaN;
    }
    const { min, max } = this.limits.imageSide;
    if (value < min || value > max) {
      this.problems.add(
        'image-size',
        `${at()}.${key}`,
        () =>
          `${key} ${count(value)} px is outside ${count(min)} to ${count(max)} px, the limit for ${this.doing}: resize the image or leave it out.`,
      );
    }
    const range = key === 'width' ? this.width : this.height;
    if (range === null) {
      this[key] = { min: value, max: value };
    } else {
      if (value < range.min) range.min = value;
      if (value > range.max) range.max = value;
    }
    return value;
  }

  private url(
    image: JsonObject,
    at: EntryAt,
    index: number,
    fileName: string,
    facts: Pick<CocoImageRef, 'imageId' | 'width' | 'height'>,
  ): void {
    const key = imageUrlKey(image);
    const example = () =>
      `https://<account>.blob.core.windows.net/<container>/${fileName || '<file name>'}`;
    if (key === undefined) {
      this.problems.add(
        'image-url',
        `${at()}.coco_url`,
        () =>
          `${at()} has no coco_url or absolute_url: add the image's absolute blob URI, such as ${example()}.`,
      );
      return;
    }
    const url = image[key];
    if (!isAbsoluteHttpUri(url)) {
      this.problems.add(
        'image-url',
        `${at()}.${key}`,
        () =>
          `${key} ${preview(withoutQuery(url))} is not an absolute http(s) URI: write the image's full blob URI, such as ${example()}.`,
      );
      return;
    }
    this.onImage({ index, fileName, url, ...facts });
  }

  private bbox(box: unknown, at: EntryAt, imageId: number): void {
    const location = () => `${at()}.bbox`;
    if (box === undefined) {
      this.problems.add(
        'bbox-format',
        location(),
        () =>
          `${at()} has no bbox: object detection needs a box [left, top, width, height], relative to the image (0 to 1).`,
      );
      return;
    }
    if (
      !Array.isArray(box) ||
      box.length !== 4 ||
      !box.every((n) => typeof n === 'number' && Number.isFinite(n))
    ) {
      this.problems.add(
        'bbox-format',
        location(),
        () =>
          `bbox is ${preview(box)}: it must be 4 numbers [left, top, width, height], relative to the image (0 to 1).`,
      );
      return;
    }
    const [left, top, width, height] = box as [number, number, number, number];
    if (
      left >= 0 &&
      left < 1 &&
      top >= 0 &&
      top < 1 &&
      width > 0 &&
      width <= 1 &&
      height > 0 &&
      height <= 1 &&
      left + width <= 1 &&
      top + height <= 1
    ) {
      return;
    }
    this.problems.add('bbox-relative', location(), () =>
      this.bboxMessage([left, top, width, height], imageId),
    );
  }

  private bboxMessage(box: [number, number, number, number], imageId: number): string {
    const [left, top, width, height] = box;
    const shown = `bbox ${preview(box)}`;
    if (box.some((n) => n > 1)) {
      const size = this.imageSize(imageId);
      const divide = "divide left and width by the image's width, and top and height by its height";
      if (!size) return `${shown} looks like pixels: ${divide}, so every value is 0 to 1.`;
      const relative = [
        left / size.width,
        top / size.height,
        width / size.width,
        height / size.height,
      ];
      return `${shown} looks like pixels: ${divide} (${size.width} x ${size.height} px gives [${relative.map(short).join(', ')}]).`;
    }
    if (left < 0 || top < 0)
      return `${shown} starts outside the image: left and top must be 0 or more.`;
    if (width <= 0 || height <= 0) return `${shown} has no area: width and height must be above 0.`;
    if (left >= 1 || top >= 1) {
      return `${shown} starts at the image's edge: left and top must be below 1.`;
    }
    if (left + width > 1) {
      return `${shown} reaches past the right edge (left + width = ${short(left + width)}): it must be at most 1.`;
    }
    return `${shown} reaches past the bottom edge (top + height = ${short(top + height)}): it must be at most 1.`;
  }

  private categoryName(name: string, at: EntryAt, index: number): void {
    if (isMeaninglessCategoryName(name)) {
      this.problems.add(
        'category-names-meaningful',
        `${at()}.name`,
        () =>
          `name ${preview(name)} does not say what it labels: the model's predictions carry these names; use words such as "cat" or "scratch".`,
      );
    }
    const first = this.categories.names.addIfAbsent(hashString(name), index);
    if (first >= 0) {
      this.problems.add(
        'category-names-unique',
        `${at()}.name`,
        () =>
          `name ${preview(name)} is also the name of categories[${first}]: merge the two categories or rename one.`,
      );
    }
  }
}
