// Waivers for Electronegativity findings, kept apart from the scan so they can be unit-tested.
//
// A waiver is a comment on the reported line or the line above it that names the check(s) it
// waives and says why:
//
//   // electronegativity-explained CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK: <why>
//
// Naming the check matters: a waiver that covered a whole line would let a new, different
// finding on that line pass without anyone looking at it.

const WAIVER = /(?:\/\/|\/\*|^\s*\*)\s*electronegativity-explained\b(.*?)\s*(?:\*\/)?\s*$/;
const WELL_FORMED = /^\s+([A-Z][A-Z0-9_]*(?:\s*,\s*[A-Z][A-Z0-9_]*)*)\s*:\s*(\S.*)$/;

/**
 * The waivers in one file's text, by line (1-based). A waiver that names no check or gives no
 * reason is returned with `checks: []`, so the caller can refuse it.
 */
export function parseWaivers(text) {
  const waivers = [];
  text.split('\n').forEach((content, index) => {
    const mark = WAIVER.exec(content);
    if (!mark) return;
    const parts = WELL_FORMED.exec(mark[1]);
    waivers.push({
      line: index + 1,
      checks: parts ? parts[1].split(',').map((id) => id.trim()) : [],
      reason: parts ? parts[2] : '',
    });
  });
  return waivers;
}

/** A waiver on line L covers findings on L (a trailing comment) and L + 1 (the line below). */
const covers = (waiver, line) => line === waiver.line || line === waiver.line + 1;

/**
 * Matches findings ({ severity, check, file, line }) with the waivers of their files
 * (Map file -> parseWaivers()). Returns each finding with its `explanation` (the reason of the
 * waiver that names its check), and the problems that fail the run:
 *  - a HIGH finding that no waiver names;
 *  - any finding on a waived line whose waiver names other checks;
 *  - a waiver that names no check, or a check not reported on the line(s) it covers.
 * `where` prefixes file names in the messages.
 */
export function applyWaivers(findings, waiversByFile, where = '') {
  const at = (file, line) => `${where}${file}:${line}`;
  const problems = [];
  const used = new Set();
  const judged = findings.map((finding) => {
    const covering = (waiversByFile.get(finding.file) ?? []).filter((w) => covers(w, finding.line));
    const naming = covering.filter((w) => w.checks.includes(finding.check));
    for (const w of naming) used.add(`${finding.file}\n${w.line}\n${finding.check}`);
    if (naming.length > 0) return { ...finding, explanation: naming[0].reason };
    const named = covering.flatMap((w) => w.checks);
    if (named.length > 0) {
      problems.push(
        `${finding.severity} ${finding.check} at ${at(finding.file, finding.line)} is on a waived ` +
          `line, but its waiver names only ${named.join(', ')}: fix it, or name ${finding.check} ` +
          'in the waiver with the reason it does not apply.',
      );
    } else if (finding.severity === 'HIGH') {
      problems.push(
        `HIGH ${finding.check} at ${at(finding.file, finding.line)} is not explained: fix it, or ` +
          `add \`// electronegativity-explained ${finding.check}: <reason>\` on that line or the line above.`,
      );
    }
    return { ...finding, explanation: undefined };
  });
  for (const [file, waivers] of waiversByFile) {
    for (const waiver of waivers) {
      if (waiver.checks.length === 0) {
        problems.push(
          `The waiver at ${at(file, waiver.line)} names no check: write ` +
            '`// electronegativity-explained CHECK_ID[, CHECK_ID]: <reason>`.',
        );
        continue;
      }
      for (const check of waiver.checks) {
        if (!used.has(`${file}\n${waiver.line}\n${check}`)) {
          problems.push(
            `The waiver at ${at(file, waiver.line)} names ${check}, which is not reported on ` +
              'that line or the next: remove it from the waiver.',
          );
        }
      }
    }
  }
  return { findings: judged, problems };
}
