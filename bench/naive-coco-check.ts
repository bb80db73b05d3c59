/**
 * The way a script would check a COCO file once it holds the whole parsed object: ids 1..N
 * and unique, references to images and categories, counts per category. The bench's baseline
 * for the app's streaming checker; not used by the app.
 */
interface Entry {
  id?: unknown;
  image_id?: unknown;
  category_id?: unknown;
}

export function naiveCocoCheck(parsed: unknown): Record<string, unknown> {
  const coco = parsed as { images?: Entry[]; annotations?: Entry[]; categories?: Entry[] };
  const images = coco.images ?? [];
  const annotations = coco.annotations ?? [];
  const categories = coco.categories ?? [];
  let errors = 0;
  const idsOf = (list: Entry[]) => {
    const ids = new Set<unknown>();
    for (const entry of list) {
      const id = entry.id;
      if (typeof id !== 'number' || id < 1 || id > list.length || ids.has(id)) errors++;
      ids.add(id);
    }
    return ids;
  };
  const imageIds = idsOf(images);
  const categoryIds = idsOf(categories);
  idsOf(annotations);
  const perCategory = new Map<unknown, number>();
  for (const annotation of annotations) {
    if (!imageIds.has(annotation.image_id)) errors++;
    if (!categoryIds.has(annotation.category_id)) errors++;
    perCategory.set(annotation.category_id, (perCategory.get(annotation.category_id) ?? 0) + 1);
  }
  return {
    images: images.length,
    annotations: annotations.length,
    categories: categories.length,
    errors,
  };
}
