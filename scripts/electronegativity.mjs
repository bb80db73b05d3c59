// `npm run security:electron`: Electronegativity over the main process and preload sources
// (electron/), failing on any HIGH finding that the code does not explain. An explanation is a
// waiver comment on the reported line or the line above it, naming the check(s) it waives:
//
//   // electronegativity-explained CHECK_ID[, CHECK_ID]: <why this finding does not apply>
//
// A finding on a waived line for a check the waiver does not name fails the run too, whatever
// its severity, and so does a waiver naming a check no longer reported there
// (scripts/electronegativity-waivers.mjs, unit-tested).
//
// The sources are scanned, not the bundles in out/: Electronegativity parses TypeScript itself,
// and only in the sources do its line numbers point at code a person wrote and can comment on.
// It runs offline: the tool's two network calls (a translations download and Electron's release
// list) are cut off below, so the result never depends on the network.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyWaivers, parseWaivers } from './electronegativity-waivers.mjs';

const repo = resolve(import.meta.dirname, '..');
const INLINE_DISABLE = /\beng-disable\b/;
const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: { input: { type: 'string', default: 'electron' } },
  strict: true,
});
const input = resolve(repo, args.input);

/** Replaces the HTTP client Electronegativity loads with one that fails at once, offline. */
function cutOffNetwork() {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = toolRequire.resolve('got');
  const offline = () => Promise.reject(new Error('offline: no network for Electronegativity'));
  offline.head = offline;
  offline.get = offline;
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offline;
  require.cache[gotPath] = stub;
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const declared = pkg.dependencies?.electron ?? pkg.devDependencies?.electron ?? '';
  return declared.replace(/^[^0-9]*/, '') || undefined;
}

async function scan() {
  cutOffNetwork();
  const { default: run } = await import('@doyensec/electronegativity');
  const log = console.log;
  // The tool reports its failed downloads on stdout; they are expected here, and only noise.
  console.log = () => {};
  try {
    return await run({
      input,
      isRelative: true,
      isVerbose: false,
      customScan: [],
      // Compares the Electron version with the release list online: meaningless offline.
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      // electron/ has no package.json of its own, so the tool would assume Electron 0.1.0.
      electronVersionOverride: electronVersion(),
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
}

/** The scanned source files, relative to the input folder (as the tool reports them). */
function sourceFiles() {
  return readdirSync(input, { recursive: true, encoding: 'utf8' }).filter(
    (file) => /\.(?:[cm]?[jt]sx?|html?)$/.test(file) && !file.includes('node_modules'),
  );
}

/** Files that hide findings with the tool's own switch, which would bypass the waivers. */
function inlineDisables() {
  return sourceFiles().filter((file) =>
    INLINE_DISABLE.test(readFileSync(join(input, file), 'utf8')),
  );
}

/** Every waiver in the sources, by file, so a stale one is found even where nothing is reported. */
function waiversByFile() {
  const waivers = new Map();
  for (const file of sourceFiles()) {
    const found = parseWaivers(readFileSync(join(input, file), 'utf8'));
    if (found.length > 0) waivers.set(file, found);
  }
  return waivers;
}

const shorten = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function printTable(rows) {
  const head = ['severity', 'confidence', 'check', 'where', 'explained?'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.info(line(head));
  console.info(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.info(line(row));
}

const SEVERITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1, INFORMATIONAL: 0 };
const rank = (finding) => SEVERITY_RANK[finding.severity] ?? 0;

const result = await scan();
const where = relative(repo, input) || '.';
const judged = applyWaivers(
  result.issues.map((issue) => ({
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    check: issue.id,
    file: issue.file,
    line: issue.location.line,
  })),
  waiversByFile(),
  `${where}/`,
);
const findings = judged.findings.sort(
  (a, b) => rank(b) - rank(a) || a.file.localeCompare(b.file) || a.line - b.line,
);
console.info(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version} over ${where}/ ` +
    `(Electron ${electronVersion() ?? 'unknown'}): ${findings.length} finding(s)`,
);
if (findings.length > 0) {
  printTable(
    findings.map((f) => [
      f.severity,
      f.confidence,
      f.check,
      f.file === 'N/A' ? '(whole app)' : `${where}/${f.file}:${f.line}`,
      f.explanation ? `yes: ${shorten(f.explanation, 70)}` : 'no',
    ]),
  );
}

const problems = [...judged.problems];
for (const error of result.errors.filter((e) => !e.tolerable)) {
  problems.push(
    `${relative(repo, error.file)} could not be parsed, so it was not checked: ${error.message}`,
  );
}
for (const file of inlineDisables()) {
  problems.push(
    `${where}/${file} uses eng-disable, which hides findings from this check; explain them instead.`,
  );
}

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exitCode = 1;
} else {
  console.info('No unexplained HIGH finding, and every waiver names the check it waives.');
}
