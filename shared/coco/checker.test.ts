import { describe, expect, it } from 'vitest';
import { checkCocoText, createCocoChecker } from './checker';
import {
  cocoChunks,
  cocoText,
  makeCocoFile,
  type CocoFile,
  type CocoFixtureOptions,
} from './fixtures';
import type { CocoAnnotationRef, CocoImageRef } from './report';
import { check, clone, findings, problemAt } from './test-support';

const classification: CocoFixtureOptions = {
  kind: 'imageClassification',
  images: 8,
  categories: 3,
};
const detection: CocoFixtureOptions = { kind: 'imageObjectDetection', images: 6, categories: 3 };

function file(options: CocoFixtureOptions, change?: (f: CocoFile) => void): CocoFile {
  const f = makeCocoFile(options);
  change?.(f);
  return f;
}

/** Loose access for mutations that break the types on purpose. */
type Loose = Record<string, unknown>;
const loose = (value: object) => value as Loose;

describe('a valid file', () => {
  it.each([
    ['classification', classification],
    ['detection', detection],
  ])('of %s has no problems for training or evaluation, and its statistics', (_, options) => {
    for (const purpose of ['training', 'evaluation'] as const) {
      const report = check(file(options), options.kind, purpose);
      expect(findings(report)).toEqual([]);
      expect(report).toMatchObject({ errorCount: 0, warningCount: 0, kind: options.kind, purpose });
    }
    const { statistics } = check(file(options), options.kind);
    const perImage = options.kind === 'imageObjectDetection' ? 2 : 1;
    expect(statistics).toMatchObject({
      images: options.images,
      annotations: options.images * perImage,
      categories: 3,
      imagesWithoutAnnotations: 0,
    });
    expect(statistics.categoryCounts.map((c) => c.name)).toEqual(['cat', 'dog', 'bird']);
    expect(statistics.categoryCounts.reduce((sum, c) => sum + c.annotations, 0)).toBe(
      options.images * perImage,
    );
    expect(statistics.width).toEqual({ min: 640, max: 768 });
  });

  it('is checked the same with annotations before images', () => {
    const options = { ...detection, annotationsFirst: true };
    const text = cocoText(options);
    expect(text.indexOf('"annotations"')).toBeLessThan(text.indexOf('"images"'));
    expect(findings(check(text, 'imageObjectDetection'))).toEqual([]);

    const broken = file(options, (f) => {
      f.annotations[3]!.image_id = 99;
      f.annotations[4]!.category_id = 42;
    });
    expect(findings(check(broken, 'imageObjectDetection'))).toEqual([
      'image-reference @ annotations[3].image_id',
      'category-reference @ annotations[4].category_id',
    ]);
  });

  it('streams as chunks that make up the same text', () => {
    for (const options of [classification, detection, { ...detection, annotationsFirst: true }]) {
      expect([...cocoChunks(options, 3)].join('')).toBe(cocoText(options));
    }
  });
});

describe('a file that is not COCO JSON', () => {
  it('reports an empty file, white space, text and HTML, never throwing', () => {
    const empty = checkCocoText('', { kind: 'imageClassification', purpose: 'training' });
    expect(findings(empty)).toEqual(['json-syntax @ file']);
    expect(problemAt(empty, 'json-syntax', 'file')).toMatch(/empty \(0 bytes\)/);
    expect(empty.errorCount).toBe(1);

    expect(problemAt(check('  \n ', 'imageClassification'), 'json-syntax', 'file')).toMatch(
      /only white space/,
    );
    expect(findings(check('hello', 'imageClassification'))).toEqual(['json-syntax @ byte 0']);
    const html = check('<html><body>Not found</body></html>', 'imageClassification');
    expect(problemAt(html, 'json-syntax', 'byte 0')).toMatch(/unexpected "<"/);
  });

  it('reports a file cut off in the middle, with how much arrived', () => {
    const text = cocoText(classification);
    const report = check(text.slice(0, 300), 'imageClassification');
    expect(problemAt(report, 'json-syntax', 'end of file')).toMatch(
      /ends before its JSON does \(after 300 bytes\): it was cut off/,
    );
    expect(report.problems.map((p) => p.rule)).toEqual(['json-syntax']);
  });

  it('reports what follows the JSON, and a comma too many', () => {
    const text = cocoText(classification);
    expect(findings(check(`${text} x`, 'imageClassification'))).toEqual([
      `json-syntax @ byte ${text.length + 1}`,
    ]);
    const trailingComma = text.replace('}],"annotations"', '},],"annotations"');
    const report = check(trailingComma, 'imageClassification');
    expect(report.problems.map((p) => p.rule)).toEqual(['json-syntax']);
    expect(problemAt(report, 'json-syntax', `byte ${trailingComma.indexOf(',]') + 1}`)).toMatch(
      /unexpected "\]"/,
    );
  });

  it('reports a top level that is not an object', () => {
    const report = check('[{"id": 1}]', 'imageClassification');
    expect(findings(report)).toEqual(['structure-top-level @ top level']);
    expect(problemAt(report, 'structure-top-level', 'top level')).toMatch(
      /holds a list, not an object/,
    );
    expect(findings(check('42', 'imageClassification'))).toEqual([
      'structure-top-level @ top level',
    ]);
  });
});

describe('the top-level lists', () => {
  it('reports a missing, null, mistyped or repeated list at its name', () => {
    const { images, categories } = makeCocoFile(classification);
    const report = check({ images, categories: null, annotations: {} }, 'imageClassification');
    expect(findings(report)).toEqual([
      'structure-top-level @ annotations',
      'structure-top-level @ categories',
    ]);
    expect(problemAt(report, 'structure-top-level', 'categories')).toMatch(
      /null: it must be a list/,
    );
    expect(problemAt(report, 'structure-top-level', 'annotations')).toMatch(
      /an object: it must be a list/,
    );

    const missing = check({ images, categories }, 'imageClassification');
    expect(problemAt(missing, 'structure-top-level', 'annotations')).toMatch(
      /has no "annotations"/,
    );

    const twice = `{"images":[],${cocoText(classification).slice(1)}`;
    expect(problemAt(check(twice, 'imageClassification'), 'structure-top-level', 'images')).toMatch(
      /more than once/,
    );
  });
});

describe('images', () => {
  it('reports a missing coco_url at images[i].coco_url, and accepts absolute_url', () => {
    const report = check(
      file(classification, (f) => {
        delete loose(f.images[2]!).coco_url;
        const image = loose(f.images[3]!);
        image.absolute_url = image.coco_url;
        delete image.coco_url;
      }),
      'imageClassification',
    );
    expect(findings(report)).toEqual(['image-url @ images[2].coco_url']);
    expect(problemAt(report, 'image-url', 'images[2].coco_url')).toMatch(
      /no coco_url or absolute_url: add the image's absolute blob URI, such as https:\/\/.*images\/000003\.jpg/,
    );
  });

  it('reports a relative URL without echoing a SAS token', () => {
    const report = check(
      file(classification, (f) => {
        f.images[0]!.coco_url = 'images/000001.jpg?sv=2024&sig=SECRET';
      }),
      'imageClassification',
    );
    const message = problemAt(report, 'image-url', 'images[0].coco_url');
    expect(message).toMatch(/not an absolute http\(s\) URI/);
    expect(message).not.toContain('SECRET');
  });

  it('reports missing or mistyped fields where they are', () => {
    const report = check(
      file(classification, (f) => {
        delete loose(f.images[1]!).width;
        loose(f.images[2]!).id = '3';
        f.images[3]!.file_name = '';
        loose(f.images)[4] = 'images/5.jpg';
      }),
      'imageClassification',
    );
    expect(findings(report).filter((f) => f.startsWith('image-fields'))).toEqual([
      'image-fields @ images[1].width',
      'image-fields @ images[2].id',
      'image-fields @ images[3].file_name',
      'image-fields @ images[4]',
    ]);
    expect(problemAt(report, 'image-fields', 'images[2].id')).toMatch(/is "3": .*integer id/);
  });

  it('reports a duplicate id (error) and a duplicate file name (warning)', () => {
    const report = check(
      file(classification, (f) => {
        f.images[5]!.id = 2;
        f.images[6]!.file_name = f.images[0]!.file_name;
      }),
      'imageClassification',
    );
    expect(problemAt(report, 'ids-unique', 'images[5].id')).toMatch(/also the id of images\[1\]/);
    expect(problemAt(report, 'file-name-unique', 'images[6].file_name')).toMatch(/images\[0\]/);
    expect(report.problems.find((p) => p.rule === 'file-name-unique')?.severity).toBe('warning');
  });

  it('checks each image size against the purpose: 10..10,240 training, 50..16,000 evaluation', () => {
    const small = file(classification, (f) => {
      f.images[1]!.width = 40;
      f.images[2]!.height = 12_000;
    });
    expect(findings(check(small, 'imageClassification', 'training'))).toEqual([
      'image-size @ images[2].height',
    ]);
    const evaluation = check(small, 'imageClassification', 'evaluation');
    expect(findings(evaluation)).toEqual(['image-size @ images[1].width']);
    expect(problemAt(evaluation, 'image-size', 'images[1].width')).toMatch(/50 to 16,000 px/);
  });

  it('counts images against the limits: classification training needs 2', () => {
    const one = makeCocoFile({ ...classification, images: 1, categories: 2 });
    expect(problemAt(check(one, 'imageClassification'), 'image-count', 'images')).toMatch(
      /1 image: classification training needs at least 2/,
    );
    const none = makeCocoFile({ ...detection, images: 0 });
    expect(findings(check(none, 'imageObjectDetection'))).toContain('image-count @ images');
  });
});

describe('ids', () => {
  it('reports 0-based ids once per list, saying to renumber 1..N', () => {
    const zeroBased = file(classification, (f) => {
      for (const image of f.images) image.id -= 1;
      for (const annotation of f.annotations) {
        annotation.id -= 1;
        annotation.image_id -= 1;
        annotation.category_id -= 1;
      }
      for (const category of f.categories) category.id -= 1;
    });
    const report = check(zeroBased, 'imageClassification');
    expect(findings(report)).toEqual([
      'ids-one-based @ images[0].id',
      'ids-one-based @ annotations[0].id',
      'ids-one-based @ categories[0].id',
    ]);
    expect(problemAt(report, 'ids-one-based', 'images[0].id')).toMatch(
      /id 0 is outside 1 to 8: .*0-based.*renumbering 1\.\.N, and every image_id/,
    );
  });

  it('reports ids past the length of the list, as COCO exports number them', () => {
    const report = check(
      file(classification, (f) => {
        f.images[0]!.id = 397133;
        f.annotations[0]!.image_id = 397133;
      }),
      'imageClassification',
    );
    expect(findings(report)).toEqual(['ids-one-based @ images[0].id']);
  });

  it('reports references to images and categories that do not exist', () => {
    const report = check(
      file(detection, (f) => {
        f.annotations[4]!.image_id = 77;
        f.annotations[5]!.category_id = 0;
      }),
      'imageObjectDetection',
    );
    expect(findings(report)).toEqual([
      'image-reference @ annotations[4].image_id',
      'category-reference @ annotations[5].category_id',
    ]);
    expect(problemAt(report, 'image-reference', 'annotations[4].image_id')).toMatch(
      /image_id 77 names no image/,
    );
  });

  it('reports duplicate annotation and category ids, and mistyped annotation fields', () => {
    const report = check(
      file(detection, (f) => {
        f.annotations[2]!.id = 1;
        f.categories[2]!.id = 1;
        loose(f.annotations[3]!).category_id = null;
        f.annotations[4]!.area = -1;
        loose(f.annotations)[5] = 7;
      }),
      'imageObjectDetection',
    );
    expect(findings(report)).toEqual(
      expect.arrayContaining([
        'annotation-fields @ annotations[3].category_id',
        'annotation-fields @ annotations[4].area',
        'annotation-fields @ annotations[5]',
        'ids-unique @ annotations[2].id',
        'ids-unique @ categories[2].id',
      ]),
    );
  });
});

describe('detection boxes', () => {
  it('reports pixel boxes, saying to divide by the image size, with the result', () => {
    const report = check(
      file(detection, (f) => {
        f.annotations[3]!.bbox = [64, 48, 320, 240];
      }),
      'imageObjectDetection',
    );
    expect(findings(report)).toEqual(['bbox-relative @ annotations[3].bbox']);
    // annotations[3] is on image 2: 704 x 544 px.
    expect(problemAt(report, 'bbox-relative', 'annotations[3].bbox')).toBe(
      "bbox [64, 48, 320, 240] looks like pixels: divide left and width by the image's width, and top and height by its height (704 x 544 px gives [0.0909, 0.0882, 0.455, 0.441]).",
    );
  });

  it('says the same without the size when the image comes later in the file', () => {
    const report = check(
      file({ ...detection, annotationsFirst: true }, (f) => {
        f.annotations[3]!.bbox = [64, 48, 320, 240];
      }),
      'imageObjectDetection',
    );
    expect(problemAt(report, 'bbox-relative', 'annotations[3].bbox')).toMatch(
      /looks like pixels: divide left and width by the image's width/,
    );
  });

  it('reports boxes past the edge, empty boxes, and boxes that are not 4 numbers', () => {
    const report = check(
      file(detection, (f) => {
        f.annotations[0]!.bbox = [0.8, 0.1, 0.3, 0.2];
        f.annotations[1]!.bbox = [0.1, 0.1, 0, 0.2];
        loose(f.annotations[2]!).bbox = [0.1, 0.1, 0.2];
        delete f.annotations[3]!.bbox;
        loose(f.annotations[4]!).bbox = ['0.1', 0.1, 0.2, 0.2];
      }),
      'imageObjectDetection',
    );
    expect(findings(report)).toEqual([
      'bbox-format @ annotations[2].bbox',
      'bbox-format @ annotations[3].bbox',
      'bbox-format @ annotations[4].bbox',
      'bbox-relative @ annotations[0].bbox',
      'bbox-relative @ annotations[1].bbox',
    ]);
    expect(problemAt(report, 'bbox-relative', 'annotations[0].bbox')).toMatch(
      /past the right edge \(left \+ width = 1\.1\)/,
    );
    expect(problemAt(report, 'bbox-format', 'annotations[3].bbox')).toMatch(/has no bbox/);
  });

  it('does not ask classification for boxes', () => {
    const report = check(
      file(classification, (f) => {
        loose(f.annotations[0]!).bbox = [10, 10, 300, 300];
      }),
      'imageClassification',
    );
    expect(findings(report)).toEqual([]);
  });
});

describe('categories', () => {
  it('reports a missing name, a duplicate name, and names that say nothing', () => {
    const report = check(
      file(classification, (f) => {
        delete loose(f.categories[0]!).name;
        f.categories[1]!.name = 'bird';
        f.categories.push({ id: 4, name: 'class_4' }, { id: 5, name: '5' });
        f.annotations.push(
          { id: 9, image_id: 1, category_id: 4, area: 1 },
          { id: 10, image_id: 2, category_id: 4, area: 1 },
          { id: 11, image_id: 3, category_id: 5, area: 1 },
          { id: 12, image_id: 4, category_id: 5, area: 1 },
        );
      }),
      'imageClassification',
    );
    expect(findings(report).filter((f) => !f.startsWith('one-label'))).toEqual([
      'category-fields @ categories[0].name',
      'category-names-unique @ categories[2].name',
      'category-names-meaningful @ categories[3].name',
      'category-names-meaningful @ categories[4].name',
    ]);
    expect(problemAt(report, 'category-names-unique', 'categories[2].name')).toMatch(
      /"bird" is also the name of categories\[1\]/,
    );
  });

  it('counts categories: classification needs 2, detection may have 1; documented 1,000 warns', () => {
    const one = makeCocoFile({ ...classification, categories: 1 });
    expect(problemAt(check(one, 'imageClassification'), 'category-count', 'categories')).toMatch(
      /1 category: classification training needs at least 2/,
    );
    expect(
      findings(check(makeCocoFile({ ...detection, categories: 1 }), 'imageObjectDetection')),
    ).toEqual([]);

    const many = makeCocoFile({ kind: 'imageObjectDetection', images: 501, categories: 1_001 });
    expect(findings(check(many, 'imageObjectDetection'))).toEqual([
      'category-count-documented @ categories',
    ]);
    const tooMany = makeCocoFile({
      kind: 'imageObjectDetection',
      images: 1_001,
      categories: 2_001,
    });
    expect(findings(check(tooMany, 'imageObjectDetection'))).toEqual([
      'category-count @ categories',
    ]);
  });

  it('reports a category used once for classification training, and unused ones', () => {
    const report = check(
      file(classification, (f) => {
        f.annotations[2]!.category_id = 1; // bird keeps 1 of its 2
        f.categories.push({ id: 4, name: 'horse' });
      }),
      'imageClassification',
    );
    expect(findings(report)).toEqual([
      'annotations-per-category @ categories[2]',
      'unused-categories @ categories[3]',
    ]);
    expect(problemAt(report, 'annotations-per-category', 'categories[2]')).toMatch(
      /"bird" \(id 3\) has 1 annotation: classification training needs at least 2/,
    );
    expect(report.errorCount).toBe(1);
    expect(report.warningCount).toBe(1);
    expect(report.statistics.categoryCounts.map((c) => c.annotations)).toEqual([4, 3, 1, 0]);
  });
});

describe('labels per image', () => {
  it('warns when a classification image has no label or two', () => {
    const report = check(
      file(classification, (f) => {
        f.annotations[1]!.image_id = 1;
      }),
      'imageClassification',
    );
    expect(findings(report)).toEqual([
      'one-label-per-image @ images[0]',
      'one-label-per-image @ images[1]',
    ]);
    expect(report.statistics.imagesWithoutAnnotations).toBe(1);
    expect(report.problems[0]?.severity).toBe('warning');
  });

  it('warns when a detection image has more than 1,000 regions', () => {
    const report = check(
      makeCocoFile({ ...detection, images: 2, annotationsPerImage: 1_001 }),
      'imageObjectDetection',
    );
    expect(findings(report)).toEqual([
      'regions-per-image @ images[0]',
      'regions-per-image @ images[1]',
    ]);
  });
});

describe('the report', () => {
  it('lists at most maxPerRule instances per rule, counts all, errors first', () => {
    const f = file(detection, (f) => {
      for (const a of f.annotations) a.bbox = [10, 10, 100, 100];
      f.images[1]!.file_name = f.images[0]!.file_name;
    });
    const report = check(f, 'imageObjectDetection', 'training', 5);
    expect(report.problems.map((p) => [p.rule, p.severity, p.total, p.instances.length])).toEqual([
      ['bbox-relative', 'error', 12, 5],
      ['file-name-unique', 'warning', 1, 1],
    ]);
    expect(report.errorCount).toBe(12);
    expect(report.warningCount).toBe(1);
    expect(report.problems[0]?.title).toMatch(/relative to the image/);
  });

  it('reads chunks of bytes split anywhere, and returns the same report from end() twice', () => {
    const text = cocoText(detection).replace('"cat"', '"chat 🐈 éè"');
    const bytes = new TextEncoder().encode(text);
    const checker = createCocoChecker({ kind: 'imageObjectDetection', purpose: 'training' });
    for (let i = 0; i < bytes.length; i += 7) checker.write(bytes.subarray(i, i + 7));
    const report = checker.end();
    expect(report.statistics.categoryCounts[0]?.name).toBe('chat 🐈 éè');
    expect(findings(report)).toEqual([]);
    expect(checker.end()).toBe(report);
    checker.write('garbage');
    expect(checker.end()).toBe(report);
  });

  it('hands each image with a usable address to onImage, and a throwing onImage to the caller', () => {
    const seen: CocoImageRef[] = [];
    const f = file(classification, (f) => {
      f.images[1]!.coco_url = 'relative.jpg';
    });
    checkCocoText(JSON.stringify(f), {
      kind: 'imageClassification',
      purpose: 'training',
      onImage: (image) => seen.push(image),
    });
    expect(seen.map((s) => s.index)).toEqual([0, 2, 3, 4, 5, 6, 7]);
    expect(seen[0]).toEqual({
      index: 0,
      fileName: 'images/000001.jpg',
      url: 'https://devaccount.blob.core.windows.net/images/images/000001.jpg',
      imageId: 1,
      width: 672,
      height: 512,
    });

    const checker = createCocoChecker({
      kind: 'imageClassification',
      purpose: 'training',
      onImage: () => {
        throw new Error('sampler broke');
      },
    });
    expect(() => checker.write(cocoText(classification))).toThrow('sampler broke');
  });

  it('hands each annotation with usable ids to onAnnotation, its box only when 4 numbers', () => {
    const seen: CocoAnnotationRef[] = [];
    const f = file(detection, (f) => {
      f.annotations[0]!.bbox = [10, 20, 30, 40];
      f.annotations[1]!.image_id = 'one' as unknown as number;
      f.annotations[2]!.bbox = [0.1, 0.2] as unknown as [number, number, number, number];
    });
    checkCocoText(JSON.stringify(f), {
      kind: 'imageObjectDetection',
      purpose: 'training',
      onAnnotation: (annotation) => seen.push(annotation),
    });
    expect(seen).toHaveLength(f.annotations.length - 1);
    expect(seen[0]).toEqual({ imageId: 1, categoryId: 1, bbox: [10, 20, 30, 40] });
    expect(seen[1]).toEqual({ imageId: 2, categoryId: f.annotations[2]!.category_id });

    const checker = createCocoChecker({
      kind: 'imageObjectDetection',
      purpose: 'training',
      onAnnotation: () => {
        throw new Error('gatherer broke');
      },
    });
    expect(() => checker.write(cocoText(detection))).toThrow('gatherer broke');
  });

  it('keeps the statistics of the file as read, also when a list is broken', () => {
    const report = check(
      clone({ images: makeCocoFile(classification).images }),
      'imageClassification',
    );
    expect(report.statistics).toMatchObject({ images: 8, annotations: 0, categories: 0 });
    expect(report.statistics.imagesWithoutAnnotations).toBe(8);
  });
});
