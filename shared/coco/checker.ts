import { JSONParser, TokenType } from '@streamparser/json';
import { utf8Length } from './compact-tables';
import { EntryChecks } from './entry-checks';
import { checkWholeFile } from './file-checks';
import { ProblemList } from './problem-list';
import type { CocoAnnotationRef, CocoCheckOptions, CocoImageRef, CocoReport } from './report';
import { TopLevelTracker } from './top-level';
import { count } from './wording';

/**
 * Checks a COCO annotation file as it streams in, against the rules Azure model customization
 * applies (rules.ts): bytes in, a report out. Only one entry of a list is held at a time, plus
 * a few numbers per entry, so a 200 MB file is checked in tens of megabytes. Bad input of any
 * kind (not JSON, cut off, empty) is a problem in the report, never an exception.
 */

export interface CocoChecker {
  /** The next piece of the file: bytes as read (a chunk may end inside a character), or text. */
  write(chunk: Uint8Array | string): void;
  /** The file is complete: the report. Calling it again returns the same report. */
  end(): CocoReport;
}

export const DEFAULT_MAX_PER_RULE = 100;

const ENTRY_PATHS = ['$.images.*', '$.annotations.*', '$.categories.*'];

interface ReadFailure {
  location: string;
  message: string;
}

const TOKEN_TEXT: Partial<Record<TokenType, string>> = {
  [TokenType.LEFT_BRACE]: '"{"',
  [TokenType.RIGHT_BRACE]: '"}"',
  [TokenType.LEFT_BRACKET]: '"["',
  [TokenType.RIGHT_BRACKET]: '"]"',
  [TokenType.COLON]: '":"',
  [TokenType.COMMA]: '","',
  [TokenType.TRUE]: 'true',
  [TokenType.FALSE]: 'false',
  [TokenType.NULL]: 'null',
  [TokenType.STRING]: 'a string',
  [TokenType.NUMBER]: 'a number',
};

const NOT_COCO_HINT =
  'the file must be one COCO JSON object (not an HTML page, a zip, or two files joined).';

/** Turns the parser's error into a sentence about the file. */
function describeFailure(
  error: unknown,
  bytes: number,
  lastToken: TokenType | undefined,
  lastTokenOffset: number,
): ReadFailure {
  const text = error instanceof Error ? error.message : String(error);
  if (/ended in the middle|ended in mid-parsing/.test(text)) {
    return {
      location: 'end of file',
      message: `The file ends before its JSON does (after ${count(bytes)} bytes): it was cut off; upload the whole file again.`,
    };
  }
  const unexpectedByte =
    /^Unexpected "([\s\S]*)" at chunk position "\d+" \(absolute position "(\d+)"\)/.exec(text);
  if (unexpectedByte) {
    const position = Number(unexpectedByte[2]);
    return {
      location: `byte ${position}`,
      message: `Not valid JSON at byte ${count(position)}: unexpected ${JSON.stringify(unexpectedByte[1])}; ${NOT_COCO_HINT}`,
    };
  }
  if (text.startsWith('Unexpected ') && lastToken !== undefined) {
    return {
      location: `byte ${lastTokenOffset}`,
      message: `Not valid JSON at byte ${count(lastTokenOffset)}: unexpected ${TOKEN_TEXT[lastToken] ?? 'data'}; ${NOT_COCO_HINT}`,
    };
  }
  return { location: 'file', message: `Not valid JSON (${text}); ${NOT_COCO_HINT}` };
}

export function createCocoChecker(options: CocoCheckOptions): CocoChecker {
  const problems = new ProblemList(options.maxPerRule ?? DEFAULT_MAX_PER_RULE);
  const tracker = new TopLevelTracker();
  // A throwing onImage is the caller's bug, not the file's: it leaves write(), not the report.
  let callbackError: { error: unknown } | undefined;
  const onImage = (image: CocoImageRef) => {
    try {
      options.onImage?.(image);
    } catch (error) {
      callbackError ??= { error };
    }
  };
  const onAnnotation = options.onAnnotation
    ? (annotation: CocoAnnotationRef) => {
        try {
          options.onAnnotation?.(annotation);
        } catch (error) {
          callbackError ??= { error };
        }
      }
    : undefined;
  const entries = new EntryChecks(options, problems, onImage, onAnnotation);
  const parser = new JSONParser({ paths: ENTRY_PATHS, keepStack: false });

  let bytes = 0;
  let lastToken: TokenType | undefined;
  let lastTokenOffset = 0;
  let failure: ReadFailure | undefined;
  let report: CocoReport | undefined;

  parser.onToken = ({ token, value, offset }) => {
    lastToken = token;
    lastTokenOffset = offset;
    tracker.observe(token, value);
  };
  parser.onValue = ({ value, key }) => {
    const list = tracker.openList;
    if (list === null || typeof key !== 'number') return;
    if (list === 'images') entries.image(value, key);
    else if (list === 'annotations') entries.annotation(value, key);
    else entries.category(value, key);
  };
  parser.onError = (error) => {
    failure ??= describeFailure(error, bytes, lastToken, lastTokenOffset);
  };

  function finish(): CocoReport {
    if (!failure) {
      try {
        if (!parser.isEnded) parser.end();
      } catch (error) {
        failure ??= describeFailure(error, bytes, lastToken, lastTokenOffset);
      }
    }
    if (failure) {
      const { location, message } = failure;
      problems.add('json-syntax', location, () => message);
    } else if (tracker.rootType === undefined) {
      problems.add('json-syntax', 'file', () =>
        bytes === 0
          ? 'The file is empty (0 bytes): upload the COCO JSON file again.'
          : 'The file holds no JSON, only white space: upload the COCO JSON file again.',
      );
    } else if (tracker.rootType !== 'object') {
      problems.add(
        'structure-top-level',
        'top level',
        () =>
          `The file holds ${tracker.rootType === 'list' ? 'a list' : `a ${tracker.rootType}`}, not an object: a COCO file is one object {"images": [...], "annotations": [...], "categories": [...]}.`,
      );
    }
    const readWhole = !failure && tracker.rootType === 'object';
    const statistics = checkWholeFile(entries, tracker, problems, options, readWhole);
    const list = problems.result();
    const total = (severity: string) =>
      list.reduce((sum, p) => (p.severity === severity ? sum + p.total : sum), 0);
    return {
      kind: options.kind,
      purpose: options.purpose,
      statistics,
      problems: list,
      errorCount: total('error'),
      warningCount: total('warning'),
    };
  }

  return {
    write(chunk) {
      if (report || failure) return;
      bytes += typeof chunk === 'string' ? utf8Length(chunk) : chunk.length;
      try {
        parser.write(chunk);
      } catch (error) {
        failure ??= describeFailure(error, bytes, lastToken, lastTokenOffset);
      }
      if (callbackError) {
        const { error } = callbackError;
        callbackError = undefined;
        throw error;
      }
    },
    end() {
      report ??= finish();
      return report;
    },
  };
}

/** Checks a whole file held as text. */
export function checkCocoText(text: string, options: CocoCheckOptions): CocoReport {
  const checker = createCocoChecker(options);
  checker.write(text);
  return checker.end();
}
