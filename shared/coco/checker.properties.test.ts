import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationKind } from '../contract/dataset';
import { checkCocoText, createCocoChecker } from './checker';
import { makeCocoFile, type CocoFile, type CocoFixtureOptions } from './fixtures';
import type { CocoCheckOptions, CocoReport } from './report';
import { COCO_RULES } from './rules';
import { findings } from './test-support';

const kinds = fc.constantFrom<AnnotationKind>('imageClassification', 'imageObjectDetection');
const purposes = fc.constantFrom('training' as const, 'evaluation' as const);

/** A report that adds up: totals match the counts, instances within the cap, known rules. */
function expectConsistent(report: CocoReport, maxPerRule = 100) {
  const sum = (severity: string) =>
    report.problems.filter((p) => p.severity === severity).reduce((n, p) => n + p.total, 0);
  expect(report.errorCount).toBe(sum('error'));
  expect(report.warningCount).toBe(sum('warning'));
  const known = new Set(COCO_RULES.map((r) => r.id as string));
  for (const p of report.problems) {
    expect(known.has(p.rule)).toBe(true);
    expect(p.instances.length).toBeLessThanOrEqual(Math.min(p.total, maxPerRule));
    expect(p.instances.length).toBeGreaterThan(0);
  }
  const severities = report.problems.map((p) => p.severity);
  expect(severities).toEqual([...severities].sort());
}

/** Valid files: classification needs 2+ categories and 2 labels per category. */
const validOptions: fc.Arbitrary<CocoFixtureOptions> = kinds.chain((kind) =>
  fc.integer({ min: kind === 'imageClassification' ? 2 : 1, max: 4 }).chain((categories) =>
    fc.record({
      kind: fc.constant(kind),
      categories: fc.constant(categories),
      images: fc.integer({ min: 2 * categories, max: 12 }),
      annotationsFirst: fc.boolean(),
    }),
  ),
);

type Loose = Record<string, unknown>;

interface Defect {
  /** Breaks the file at entry `pick` (modulo the list's length); says where it must be found. */
  apply(file: CocoFile, pick: number): { rule: string; location: string };
  detectionOnly?: boolean;
}

const at = <T>(list: T[], pick: number, from = 0) => from + (pick % (list.length - from));

const DEFECTS: Record<string, Defect> = {
  missingUrl: {
    apply(f, pick) {
      const i = at(f.images, pick);
      delete (f.images[i] as unknown as Loose).coco_url;
      return { rule: 'image-url', location: `images[${i}].coco_url` };
    },
  },
  relativeUrl: {
    apply(f, pick) {
      const i = at(f.images, pick);
      f.images[i]!.coco_url = f.images[i]!.file_name;
      return { rule: 'image-url', location: `images[${i}].coco_url` };
    },
  },
  duplicateImageId: {
    apply(f, pick) {
      const i = at(f.images, pick, 1);
      f.images[i]!.id = f.images[pick % i]!.id;
      return { rule: 'ids-unique', location: `images[${i}].id` };
    },
  },
  zeroBasedId: {
    apply(f, pick) {
      const i = at(f.categories, pick);
      f.categories[i]!.id = 0;
      return { rule: 'ids-one-based', location: `categories[${i}].id` };
    },
  },
  missingImage: {
    apply(f, pick) {
      const k = at(f.annotations, pick);
      f.annotations[k]!.image_id = f.images.length + 1 + (pick % 5);
      return { rule: 'image-reference', location: `annotations[${k}].image_id` };
    },
  },
  missingCategory: {
    apply(f, pick) {
      const k = at(f.annotations, pick);
      f.annotations[k]!.category_id = -1 - (pick % 5);
      return { rule: 'category-reference', location: `annotations[${k}].category_id` };
    },
  },
  widthAsText: {
    apply(f, pick) {
      const i = at(f.images, pick);
      (f.images[i] as unknown as Loose).width = String(f.images[i]!.width);
      return { rule: 'image-fields', location: `images[${i}].width` };
    },
  },
  tinyImage: {
    apply(f, pick) {
      const i = at(f.images, pick);
      f.images[i]!.height = 5;
      return { rule: 'image-size', location: `images[${i}].height` };
    },
  },
  unnamedCategory: {
    apply(f, pick) {
      const i = at(f.categories, pick);
      delete (f.categories[i] as unknown as Loose).name;
      return { rule: 'category-fields', location: `categories[${i}].name` };
    },
  },
  annotationIdAsText: {
    apply(f, pick) {
      const k = at(f.annotations, pick);
      (f.annotations[k] as unknown as Loose).id = `a${k}`;
      return { rule: 'annotation-fields', location: `annotations[${k}].id` };
    },
  },
  sameFileName: {
    apply(f, pick) {
      const i = at(f.images, pick, 1);
      f.images[i]!.file_name = f.images[0]!.file_name;
      return { rule: 'file-name-unique', location: `images[${i}].file_name` };
    },
  },
  pixelBox: {
    detectionOnly: true,
    apply(f, pick) {
      const k = at(f.annotations, pick);
      f.annotations[k]!.bbox = [12, 30, 200 + pick, 150];
      return { rule: 'bbox-relative', location: `annotations[${k}].bbox` };
    },
  },
  noBox: {
    detectionOnly: true,
    apply(f, pick) {
      const k = at(f.annotations, pick);
      delete f.annotations[k]!.bbox;
      return { rule: 'bbox-format', location: `annotations[${k}].bbox` };
    },
  },
};

const options = (kind: AnnotationKind): CocoCheckOptions => ({ kind, purpose: 'training' });

describe('the checker on any input', () => {
  it('never throws on any JSON text, and its report adds up', () => {
    fc.assert(
      fc.property(fc.json(), kinds, purposes, (text, kind, purpose) => {
        expectConsistent(checkCocoText(text, { kind, purpose }));
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on lists of any JSON values', () => {
    const list = fc.array(
      fc.oneof(
        fc.jsonValue(),
        fc.dictionary(
          fc.constantFrom(
            'id',
            'image_id',
            'category_id',
            'bbox',
            'width',
            'height',
            'name',
            'coco_url',
            'file_name',
            'area',
          ),
          fc.jsonValue(),
        ),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(
        fc.record({ images: list, annotations: list, categories: list }, { requiredKeys: [] }),
        kinds,
        fc.nat({ max: 3 }),
        (file, kind, maxPerRule) => {
          const report = checkCocoText(JSON.stringify(file), {
            ...options(kind),
            maxPerRule: maxPerRule + 1,
          });
          expectConsistent(report, maxPerRule + 1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on any text or bytes, and calls what is not JSON a JSON problem', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), kinds, (text, kind) => {
        const report = checkCocoText(text, options(kind));
        expectConsistent(report);
        let isJson = true;
        try {
          JSON.parse(text);
        } catch {
          isJson = false;
        }
        if (!isJson) expect(report.problems[0]?.rule).toBe('json-syntax');
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), kinds, (bytes, kind) => {
        const checker = createCocoChecker(options(kind));
        checker.write(bytes);
        expectConsistent(checker.end());
      }),
      { numRuns: 100 },
    );
  });

  it('reports any cut-off copy of a valid file as cut off, and nothing else', () => {
    fc.assert(
      fc.property(
        validOptions,
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (o, share) => {
          const bytes = new TextEncoder().encode(JSON.stringify(makeCocoFile(o)));
          const cut = Math.floor(share * bytes.length);
          const checker = createCocoChecker(options(o.kind));
          checker.write(bytes.subarray(0, cut));
          const report = checker.end();
          expect(findings(report)).toEqual([`json-syntax @ ${cut === 0 ? 'file' : 'end of file'}`]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('the checker on valid files with one defect', () => {
  it('finds the defect at its place, whatever the file, the defect and the entry', () => {
    const defects = fc.constantFrom(...Object.keys(DEFECTS));
    fc.assert(
      fc.property(validOptions, defects, fc.nat(), (o, name, pick) => {
        const valid = makeCocoFile(o);
        expect(findings(checkCocoText(JSON.stringify(valid), options(o.kind)))).toEqual([]);
        const defect = DEFECTS[name]!;
        fc.pre(!defect.detectionOnly || o.kind === 'imageObjectDetection');
        const expected = defect.apply(valid, pick);
        const report = checkCocoText(JSON.stringify(valid), options(o.kind));
        expect(findings(report)).toContain(`${expected.rule} @ ${expected.location}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the checker on chunks', () => {
  /** A file with characters of 2, 3 and 4 bytes and a few problems, so reports have content. */
  function unicodeFile(o: CocoFixtureOptions): string {
    const f = makeCocoFile(o);
    f.images.forEach((image, i) => (image.file_name = `Bilder/Ünïcødé-€-🐱-${i}.jpg`));
    f.categories[0]!.name = 'chat 🐈 ü';
    f.images[0]!.coco_url = 'relative/🐱.jpg';
    f.annotations[0]!.image_id = 999;
    return JSON.stringify(f, null, o.images % 2 === 0 ? 1 : undefined);
  }

  const cuts = (length: number) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: length }), { maxLength: 25 })
      .map((c) => c.sort((a, b) => a - b));

  function inPieces<T extends { subarray?: unknown; slice(a: number, b?: number): T }>(
    whole: T,
    at: number[],
    length: number,
  ): T[] {
    const bounds = [0, ...at, length];
    return bounds.slice(1).map((end, i) => whole.slice(bounds[i]!, end));
  }

  it('gives the same report for bytes split anywhere, inside characters too', () => {
    fc.assert(
      fc.property(
        validOptions.chain((o) => {
          const text = unicodeFile(o);
          const bytes = new TextEncoder().encode(text);
          return fc.record({
            o: fc.constant(o),
            text: fc.constant(text),
            bytes: fc.constant(bytes),
            at: cuts(bytes.length),
          });
        }),
        ({ o, text, bytes, at }) => {
          const whole = checkCocoText(text, options(o.kind));
          const checker = createCocoChecker(options(o.kind));
          for (const piece of inPieces(bytes, at, bytes.length)) checker.write(piece);
          expect(checker.end()).toEqual(whole);
          expect(whole.errorCount).toBeGreaterThan(0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same report for text split anywhere, between surrogate halves too', () => {
    fc.assert(
      fc.property(
        validOptions.chain((o) => {
          const text = unicodeFile(o);
          return fc.record({ o: fc.constant(o), text: fc.constant(text), at: cuts(text.length) });
        }),
        ({ o, text, at }) => {
          const whole = checkCocoText(text, options(o.kind));
          const checker = createCocoChecker(options(o.kind));
          for (const piece of inPieces(text, at, text.length)) checker.write(piece);
          expect(checker.end()).toEqual(whole);
        },
      ),
      { numRuns: 100 },
    );
  });
});
