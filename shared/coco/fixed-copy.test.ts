import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCocoText } from './checker';
import { fileNameProblem, folderUrlOf, joinCocoUrl, parseCocoUrlBase } from './coco-url-base';
import { createFixedCopy, fixedFileName } from './fixed-copy';
import type { FixResult, FixSummary } from './fixed-copy';
import { makeCocoFile } from './fixtures';
import type { CocoFile } from './fixtures';

type Loose = Record<string, unknown>;

const BASE = 'https://acct.blob.core.windows.net/data/images/';

function fixedOf(result: FixResult): { fixed: CocoFile; summary: FixSummary } {
  if (!result.ok) throw new Error(result.message);
  return { fixed: result.fixed as unknown as CocoFile, summary: result.summary };
}

/** A file made the way other tools export it: boxes in pixels, ids from 0. */
function exported(): CocoFile {
  const file = makeCocoFile({ kind: 'imageObjectDetection', images: 3, categories: 2 });
  return {
    images: file.images.map((image) => ({ ...image, id: image.id - 1 })),
    annotations: file.annotations.map((a) => {
      const image = file.images[a.image_id - 1]!;
      const [l, t, w, h] = a.bbox!;
      return {
        ...a,
        id: a.id - 1,
        image_id: a.image_id - 1,
        category_id: a.category_id - 1,
        bbox: [l * image.width, t * image.height, w * image.width, h * image.height],
      };
    }),
    categories: file.categories.map((c) => ({ ...c, id: c.id - 1 })),
  };
}

const rulesIn = (file: unknown) =>
  checkCocoText(JSON.stringify(file), { kind: 'imageObjectDetection', purpose: 'training' })
    .problems.map((p) => p.rule)
    .sort();

describe('createFixedCopy', () => {
  it('makes pixel boxes relative and renumbers 0-based ids, with every reference', () => {
    const input = exported();
    expect(rulesIn(input)).toEqual(['bbox-relative', 'ids-one-based']);
    const { fixed, summary } = fixedOf(createFixedCopy(input, { kind: 'imageObjectDetection' }));
    expect(rulesIn(fixed)).toEqual([]);
    expect(fixed).toEqual(makeCocoFile({ kind: 'imageObjectDetection', images: 3, categories: 2 }));
    const counts = Object.fromEntries(summary.fixed.map((g) => [g.kind, [g.count, g.references]]));
    expect(counts).toEqual({
      pixelBoxes: [6, 0],
      imageIds: [3, 6],
      annotationIds: [6, 0],
      categoryIds: [2, 6],
    });
    expect(summary.notFixed).toEqual([]);
    expect(summary.fixed[0]!.examples[0]).toEqual({
      location: 'annotations[0].bbox',
      before: expect.stringMatching(/^\[\d/),
      after: expect.stringMatching(/^\[0\.\d+/),
    });
    expect(summary.fixed[1]!.examples[0]).toEqual({
      location: 'images[0].id',
      before: '0',
      after: '1',
    });
  });

  it('never changes its input', () => {
    const input = exported();
    const copy = structuredClone(input);
    createFixedCopy(input, { kind: 'imageObjectDetection', cocoUrlBase: BASE });
    expect(input).toEqual(copy);
  });

  it('leaves a file without fixable problems as it is', () => {
    const input = makeCocoFile({ kind: 'imageObjectDetection', images: 4, categories: 2 });
    const { fixed, summary } = fixedOf(
      createFixedCopy(input, { kind: 'imageObjectDetection', cocoUrlBase: BASE }),
    );
    expect(fixed).toEqual(input);
    expect(summary).toEqual({ fixed: [], notFixed: [], changes: 0 });
  });

  it('keeps ids that are 1..N in another order', () => {
    const input = makeCocoFile({ kind: 'imageClassification', images: 4, categories: 2 });
    input.categories.reverse();
    const { summary } = fixedOf(createFixedCopy(input, { kind: 'imageClassification' }));
    expect(summary.changes).toBe(0);
  });

  it('does not touch boxes of classification files', () => {
    const input = exported();
    const { fixed } = fixedOf(createFixedCopy(input, { kind: 'imageClassification' }));
    expect(fixed.annotations[0]!.bbox).toEqual(input.annotations[0]!.bbox);
  });

  it('lists the boxes it cannot fix, with why', () => {
    const input = exported() as unknown as { images: Loose[]; annotations: Loose[] };
    Object.assign(input.images[0]!, { width: 640, height: 480 });
    delete input.images[1]!.width;
    input.annotations[0]!.bbox = [600, 10, 200, 10]; // past the 640 px wide image 0
    input.annotations[1]!.bbox = [641, 10, 1, 1]; // wholly outside... of image 0 too
    input.annotations[4]!.bbox = [0.1, 0.1, 0.2, 0.2]; // relative already: left alone
    input.annotations[5]!.image_id = 99;
    const { fixed, summary } = fixedOf(createFixedCopy(input, { kind: 'imageObjectDetection' }));
    const notFixed = summary.notFixed.find((g) => g.kind === 'pixelBoxes')!;
    expect(notFixed.count).toBe(5);
    expect(notFixed.examples.map((e) => e.location)).toEqual([
      'annotations[0].bbox',
      'annotations[1].bbox',
      'annotations[2].bbox',
    ]);
    expect(notFixed.examples[0]!.reason).toMatch(/reaches past the image's 640 x 480 px/);
    expect(notFixed.examples[2]!.reason).toMatch(/images\[1\] has no usable width and height/);
    expect(summary.fixed.find((g) => g.kind === 'pixelBoxes')).toBeUndefined();
    expect((fixed as unknown as { annotations: Loose[] }).annotations[4]!.bbox).toEqual([
      0.1, 0.1, 0.2, 0.2,
    ]);
  });

  it('clips a box a pixel past the edge, the exporting tool’s rounding', () => {
    const input = exported() as unknown as { annotations: Loose[]; images: Loose[] };
    Object.assign(input.images[0]!, { width: 640, height: 480 });
    input.annotations[0]!.bbox = [320, 240, 320.5, 240.5];
    const { fixed } = fixedOf(createFixedCopy(input, { kind: 'imageObjectDetection' }));
    expect(fixed.annotations[0]!.bbox).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('keeps ids that repeat, or that a reference names wrongly, and says why', () => {
    const input = exported() as unknown as { images: Loose[]; annotations: Loose[] };
    input.images[2]!.id = 0;
    input.annotations[3]!.category_id = 7;
    const { fixed, summary } = fixedOf(createFixedCopy(input, { kind: 'imageObjectDetection' }));
    const reasons = Object.fromEntries(
      summary.notFixed.map((g) => [g.kind, g.examples.map((e) => `${e.location}: ${e.reason}`)]),
    );
    expect(reasons.imageIds).toEqual([
      expect.stringMatching(/^images\[2\]\.id: id 0 is also the id of images\[0\]/),
      // The annotations of the image whose id was taken now point at nothing.
      expect.stringMatching(/^annotations\[4\]\.image_id: image_id 2 names no image/),
      expect.stringMatching(/^annotations\[5\]\.image_id/),
    ]);
    expect(reasons.categoryIds).toEqual([
      expect.stringMatching(/^annotations\[3\]\.category_id: category_id 7 names no category/),
    ]);
    expect(fixed.images.map((i) => i.id)).toEqual([0, 1, 0]);
    expect(fixed.categories.map((c) => c.id)).toEqual([0, 1]);
    // Annotations refer to nothing: they are renumbered all the same.
    expect(fixed.annotations.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('builds a missing or relative coco_url from the base URL, encoding the path', () => {
    const input = makeCocoFile({ kind: 'imageClassification', images: 3, categories: 2 });
    const loose = input as unknown as { images: Loose[] };
    delete loose.images[0]!.coco_url;
    loose.images[1]!.coco_url = 'images/a b#1.jpg';
    loose.images[1]!.file_name = 'sub dir/a b#1.jpg';
    const { fixed, summary } = fixedOf(
      createFixedCopy(input, {
        kind: 'imageClassification',
        cocoUrlBase: 'https://acct.blob.core.windows.net/data/images',
      }),
    );
    expect(fixed.images[0]!.coco_url).toBe(`${BASE}images/000001.jpg`);
    expect(fixed.images[1]!.coco_url).toBe(`${BASE}sub%20dir/a%20b%231.jpg`);
    expect(fixed.images[2]!.coco_url).toBe(input.images[2]!.coco_url);
    expect(summary.fixed).toEqual([expect.objectContaining({ kind: 'cocoUrls', count: 2 })]);
    expect(summary.fixed[0]!.examples[0]).toMatchObject({
      location: 'images[0].coco_url',
      before: 'missing',
    });
  });

  it('without a base URL, lists the addresses as needing one; with a bad one, says what to fix', () => {
    const input = makeCocoFile({ kind: 'imageClassification', images: 2, categories: 2 });
    delete (input.images[0] as unknown as Loose).coco_url;
    const { summary } = fixedOf(createFixedCopy(input, { kind: 'imageClassification' }));
    expect(summary.notFixed).toEqual([expect.objectContaining({ kind: 'cocoUrls', count: 1 })]);
    expect(summary.notFixed[0]!.examples[0]!.reason).toMatch(/base URL/);
    const bad = createFixedCopy(input, {
      kind: 'imageClassification',
      cocoUrlBase: `${BASE}?sv=2024&sig=abc`,
    });
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/query string/) });
  });

  it('shows image addresses in examples without their query string', () => {
    const input = makeCocoFile({ kind: 'imageClassification', images: 2, categories: 2 });
    input.images[0]!.coco_url = 'images/x.jpg?sig=SECRET';
    const { summary } = fixedOf(
      createFixedCopy(input, { kind: 'imageClassification', cocoUrlBase: BASE }),
    );
    expect(JSON.stringify(summary)).not.toContain('SECRET');
  });

  it('refuses what is not a COCO object', () => {
    expect(createFixedCopy([1, 2], { kind: 'imageClassification' })).toEqual({
      ok: false,
      message: expect.stringMatching(/top level is not an object/),
    });
  });
});

describe('property: renumbering keeps every reference to the same entry', () => {
  const brokenFile = fc
    .record({
      images: fc.integer({ min: 1, max: 8 }),
      categories: fc.integer({ min: 1, max: 4 }),
      imageIds: fc.uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 8, maxLength: 8 }),
      categoryIds: fc.uniqueArray(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), {
        minLength: 4,
        maxLength: 4,
      }),
      annotationIds: fc.array(fc.integer(), { minLength: 16, maxLength: 16 }),
      pixels: fc.boolean(),
      shuffle: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    })
    .map((p) => {
      const valid = makeCocoFile({
        kind: 'imageObjectDetection',
        images: p.images,
        categories: p.categories,
      });
      // The images' order shuffled too: renumbering follows the file's order, not the old ids.
      const order = valid.images
        .map((image, i) => ({ image, key: p.shuffle[i]! }))
        .sort((a, b) => a.key - b.key)
        .map((x) => x.image);
      const imageId = new Map(valid.images.map((image, i) => [image.id, p.imageIds[i]!]));
      const categoryId = new Map(valid.categories.map((c, i) => [c.id, p.categoryIds[i]!]));
      const broken = {
        images: order.map((image) => ({ ...image, id: imageId.get(image.id) })),
        annotations: valid.annotations.map((a, i) => {
          const image = valid.images[a.image_id - 1]!;
          const [l, t, w, h] = a.bbox!;
          return {
            ...a,
            id: p.annotationIds[i],
            image_id: imageId.get(a.image_id),
            category_id: categoryId.get(a.category_id),
            bbox: p.pixels
              ? [l * image.width, t * image.height, w * image.width, h * image.height]
              : a.bbox,
          };
        }),
        categories: valid.categories.map((c) => ({ ...c, id: categoryId.get(c.id) })),
      };
      return { valid, broken };
    });

  it('leaves no box or id problem, and each annotation on the same image and category', () => {
    fc.assert(
      fc.property(brokenFile, ({ valid, broken }) => {
        const { fixed } = fixedOf(createFixedCopy(broken, { kind: 'imageObjectDetection' }));
        const rules = rulesIn(fixed);
        expect(rules).not.toContain('bbox-relative');
        expect(rules).not.toContain('ids-one-based');
        expect(rules).not.toContain('image-reference');
        expect(rules).not.toContain('category-reference');
        fixed.annotations.forEach((a, i) => {
          const original = valid.annotations[i]!;
          const image = fixed.images.find((x) => x.id === a.image_id)!;
          expect(image.file_name).toBe(valid.images[original.image_id - 1]!.file_name);
          const category = fixed.categories.find((c) => c.id === a.category_id)!;
          expect(category.name).toBe(valid.categories[original.category_id - 1]!.name);
          a.bbox!.forEach((n, k) => expect(n).toBeCloseTo(original.bbox![k]!, 9));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('fixing a fixed copy changes nothing more', () => {
    fc.assert(
      fc.property(brokenFile, ({ broken }) => {
        const once = fixedOf(createFixedCopy(broken, { kind: 'imageObjectDetection' }));
        const twice = fixedOf(createFixedCopy(once.fixed, { kind: 'imageObjectDetection' }));
        expect(twice.summary.changes).toBe(0);
        expect(twice.fixed).toEqual(once.fixed);
      }),
      { numRuns: 100 },
    );
  });
});

describe('base URL and names', () => {
  it('accepts a folder, adding the slash', () => {
    expect(parseCocoUrlBase(' https://a.blob.core.windows.net/c/img ')).toEqual({
      ok: true,
      base: 'https://a.blob.core.windows.net/c/img/',
    });
  });

  it.each([
    ['', /Type the folder/],
    ['images/', /not a web address/],
    ['ftp://host/x/', /https/],
    ['https://u:p@host/x/', /user name/],
    ['https://host/x/?sig=1', /query string/],
    ['https://host/x/#a', /#/],
  ])('refuses %j', (text, message) => {
    expect(parseCocoUrlBase(text)).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it('finds the folder of a file, dropping a query string', () => {
    expect(folderUrlOf('https://a.blob.core.windows.net/c/coco/train.json?sig=x')).toBe(
      'https://a.blob.core.windows.net/c/coco/',
    );
  });

  it('joins only names that stay inside the folder', () => {
    expect(fileNameProblem('../x.jpg')).toMatch(/\.\./);
    expect(fileNameProblem('https://elsewhere/x.jpg')).toMatch(/address/);
    expect(fileNameProblem('')).toMatch(/no file_name/);
    expect(joinCocoUrl(BASE, '/a/ü.jpg')).toBe(`${BASE}a/%C3%BC.jpg`);
  });

  it('names the copy beside the original', () => {
    expect(fixedFileName('train.json')).toBe('train.fixed.json');
    expect(fixedFileName('train.JSON', 2)).toBe('train.fixed-2.json');
    expect(fixedFileName('labels')).toBe('labels.fixed.json');
  });
});
