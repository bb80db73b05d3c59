import type { EntryChecks } from './entry-checks';
import type { NumberIndex } from './compact-tables';
import type { ProblemList } from './problem-list';
import type { CocoCheckOptions, CocoStatistics } from './report';
import { DOCUMENTED_LIMITS } from './rules';
import { COCO_LISTS, type CocoListName, type TopLevelTracker } from './top-level';
import { count, kindName, plural, preview } from './wording';

/**
 * The checks that need the whole file: the top-level lists, ids against the lists' lengths,
 * references (annotations may come before the images they name), counts, and what each image
 * and category ends up with. Also the statistics.
 */

const REFERENCED_AS: Record<CocoListName, string | undefined> = {
  images: 'image_id',
  categories: 'category_id',
  annotations: undefined,
};

function describeType(type: string): string {
  return type === 'object' ? 'an object' : `a ${type}`;
}

export function checkWholeFile(
  entries: EntryChecks,
  tracker: TopLevelTracker,
  problems: ProblemList,
  options: CocoCheckOptions,
  /** False when the file could not be read to its end: only the statistics are made. */
  checksApply: boolean,
): CocoStatistics {
  const usable = (list: CocoListName) => tracker.lists[list].type === 'list';
  const doing = `${kindName(options.kind)} ${options.purpose}`;
  const { images, annotations, categories, limits } = entries;

  if (checksApply) {
    for (const list of COCO_LISTS) checkTopLevelList(list, tracker, problems);
    if (usable('images')) checkIdRange('images', images.ids, images.count, problems);
    if (usable('annotations')) {
      checkIdRange('annotations', annotations.ids, annotations.count, problems);
    }
    if (usable('categories')) {
      checkIdRange('categories', categories.ids, categories.count, problems);
    }
  }

  // -1: an image no annotation can name (its id is missing or taken by an earlier image).
  const perImage = new Int32Array(images.count).fill(-1);
  images.ids.forEach((_, index) => (perImage[index] = 0));
  const perCategory = new Int32Array(categories.count);
  const annotationsRead = usable('annotations');
  if (annotationsRead) {
    const imagesRead = checksApply && usable('images');
    const categoriesRead = checksApply && usable('categories');
    for (let i = 0; i < annotations.count; i++) {
      const imageId = annotations.imageIds.get(i);
      if (!Number.isNaN(imageId)) {
        const index = images.ids.get(imageId);
        if (index >= 0) perImage[index] = (perImage[index] ?? 0) + 1;
        else if (imagesRead) {
          problems.add(
            'image-reference',
            `annotations[${i}].image_id`,
            () =>
              `image_id ${imageId} names no image in this file: use the id of one of the images.`,
          );
        }
      }
      const categoryId = annotations.categoryIds.get(i);
      if (!Number.isNaN(categoryId)) {
        const index = categories.ids.get(categoryId);
        if (index >= 0) perCategory[index] = (perCategory[index] ?? 0) + 1;
        else if (categoriesRead) {
          problems.add(
            'category-reference',
            `annotations[${i}].category_id`,
            () =>
              `category_id ${categoryId} names no category in this file: use the id of one of the categories.`,
          );
        }
      }
    }
  }

  if (checksApply && usable('images')) {
    const { min, max } = limits.images;
    const n = images.count;
    if (n < min || n > max) {
      problems.add('image-count', 'images', () =>
        n < min
          ? `The file has ${plural(n, 'image')}: ${doing} needs at least ${count(min)}.`
          : `The file has ${count(n)} images: ${doing} takes at most ${count(max)}; leave some out.`,
      );
    }
  }
  if (checksApply && usable('categories')) {
    checkCategoryCount(entries, problems, options, doing);
  }
  if (checksApply && annotationsRead && usable('categories')) {
    checkCategoryUse(entries, perCategory, problems, doing);
  }
  if (checksApply && annotationsRead && usable('images')) {
    checkImageLabels(perImage, problems, options.kind === 'imageObjectDetection');
  }

  let imagesWithoutAnnotations = 0;
  for (const n of perImage) if (n <= 0) imagesWithoutAnnotations++;
  return {
    images: usable('images') ? images.count : 0,
    annotations: annotationsRead ? annotations.count : 0,
    categories: usable('categories') ? categories.count : 0,
    categoryCounts: categories.listed.map(({ index, id, name }) => ({
      id,
      name,
      annotations: perCategory[index] ?? 0,
    })),
    imagesWithoutAnnotations: usable('images') ? imagesWithoutAnnotations : 0,
    width: entries.width,
    height: entries.height,
  };
}

function checkTopLevelList(list: CocoListName, tracker: TopLevelTracker, problems: ProblemList) {
  const { type, repeated } = tracker.lists[list];
  if (type === undefined) {
    problems.add(
      'structure-top-level',
      list,
      () => `The file has no "${list}": add "${list}": [...] at the top level.`,
    );
  } else if (type === 'null') {
    problems.add(
      'structure-top-level',
      list,
      () => `"${list}" is null: it must be a list (write [] for none).`,
    );
  } else if (type !== 'list') {
    problems.add(
      'structure-top-level',
      list,
      () => `"${list}" is ${describeType(type)}: it must be a list of ${list}.`,
    );
  }
  if (repeated) {
    problems.add(
      'structure-top-level',
      list,
      () =>
        `"${list}" appears more than once at the top level: readers keep only the last one; merge them into one list.`,
    );
  }
}

/** With ids unique, ids in 1..N mean exactly 1..N; the usual failure is 0-based ids. */
function checkIdRange(list: CocoListName, ids: NumberIndex, n: number, problems: ProblemList) {
  // In file order, without an object per entry: a file may have a million ids out of range.
  const idByIndex = new Float64Array(n).fill(NaN);
  ids.forEach((id, index) => (idByIndex[index] = id));
  const references = REFERENCED_AS[list];
  const alsoReferences = references ? `, and every ${references} that points at them` : '';
  for (let index = 0; index < n; index++) {
    const id = idByIndex[index] ?? NaN;
    if (Number.isNaN(id) || (id >= 1 && id <= n)) continue;
    problems.add('ids-one-based', `${list}[${index}].id`, () =>
      id === 0
        ? `id 0 is outside 1 to ${count(n)}: ids in ${list} must run from 1 to the number of entries, so 0-based ids (as other tools export them) need renumbering 1..N${alsoReferences}.`
        : `id ${id} is outside 1 to ${count(n)}: renumber ${list} 1..N${alsoReferences}.`,
    );
  }
}

function checkCategoryCount(
  entries: EntryChecks,
  problems: ProblemList,
  options: CocoCheckOptions,
  doing: string,
) {
  const n = entries.categories.count;
  const { min, max } = entries.limits.categories;
  if (n < min || n > max) {
    problems.add('category-count', 'categories', () =>
      n < min
        ? `The file has ${plural(n, 'category', 'categories')}: ${doing} needs at least ${count(min)}.`
        : `The file has ${count(n)} categories: ${doing} takes at most ${count(max)}; merge or leave some out.`,
    );
    return;
  }
  const documented = DOCUMENTED_LIMITS.categories[options.kind];
  if (n > documented) {
    problems.add(
      'category-count-documented',
      'categories',
      () =>
        `The file has ${count(n)} categories: the documentation allows ${count(documented)} for ${kindName(options.kind)}, fewer than the service checks; stay within it to be safe.`,
    );
  }
}

function checkCategoryUse(
  entries: EntryChecks,
  perCategory: Int32Array,
  problems: ProblemList,
  doing: string,
) {
  const { categories, limits } = entries;
  const names = new Map(categories.listed.map((c) => [c.index, c.name]));
  const describe = (index: number) => {
    const name = names.get(index);
    const id = categories.idsByIndex.get(index);
    return name === undefined ? `categories[${index}] (id ${id})` : `${preview(name)} (id ${id})`;
  };
  for (let index = 0; index < categories.count; index++) {
    if (Number.isNaN(categories.idsByIndex.get(index))) continue;
    const used = perCategory[index] ?? 0;
    if (used === 0) {
      problems.add(
        'unused-categories',
        `categories[${index}]`,
        () =>
          `Category ${describe(index)} has no annotations: remove it or label some images with it.`,
      );
    } else if (used < limits.annotationsPerUsedCategory) {
      problems.add(
        'annotations-per-category',
        `categories[${index}]`,
        () =>
          `Category ${describe(index)} has ${plural(used, 'annotation')}: ${doing} needs at least ${limits.annotationsPerUsedCategory} for every category used; label more images with it or remove it.`,
      );
    }
  }
}

function checkImageLabels(perImage: Int32Array, problems: ProblemList, detection: boolean) {
  const maxRegions = DOCUMENTED_LIMITS.regionsPerImage;
  for (let index = 0; index < perImage.length; index++) {
    const n = perImage[index] ?? -1;
    if (n < 0) continue;
    if (detection) {
      if (n > maxRegions) {
        problems.add(
          'regions-per-image',
          `images[${index}]`,
          () =>
            `images[${index}] has ${count(n)} regions: the documentation allows at most ${count(maxRegions)} per image; split the image or drop some boxes.`,
        );
      }
    } else if (n !== DOCUMENTED_LIMITS.labelsPerClassificationImage) {
      problems.add('one-label-per-image', `images[${index}]`, () =>
        n === 0
          ? `images[${index}] has no label: classification takes exactly one label per image; label it or leave it out.`
          : `images[${index}] has ${count(n)} labels: classification takes exactly one label per image; keep one.`,
      );
    }
  }
}
