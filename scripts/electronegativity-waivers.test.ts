import { describe, expect, it } from 'vitest';
import { applyWaivers, parseWaivers } from './electronegativity-waivers.mjs';
import type { Finding } from './electronegativity-waivers.mjs';

const SOURCE = [
  'const a = 1;',
  '// electronegativity-explained CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK: set elsewhere',
  'new BrowserWindow(options());',
  'shell.openExternal(url); // electronegativity-explained OPEN_EXTERNAL_JS_CHECK: allow-listed',
  '// electronegativity-explained: a reason, but no check',
].join('\n');

const finding = (check: string, line: number, severity = 'HIGH'): Finding => ({
  severity,
  check,
  file: 'main/index.ts',
  line,
});

const judge = (findings: Finding[]) =>
  applyWaivers(findings, new Map([['main/index.ts', parseWaivers(SOURCE)]]), 'electron/');

describe('Electronegativity waivers', () => {
  it('reads the checks each waiver names, and its reason', () => {
    expect(parseWaivers(SOURCE)).toEqual([
      {
        line: 2,
        checks: ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'],
        reason: 'set elsewhere',
      },
      { line: 4, checks: ['OPEN_EXTERNAL_JS_CHECK'], reason: 'allow-listed' },
      { line: 5, checks: [], reason: '' },
    ]);
  });

  it('explains a finding on the waiver’s line or the next one only for the checks it names', () => {
    const { findings, problems } = applyWaivers(
      [
        finding('CONTEXT_ISOLATION_JS_CHECK', 3),
        finding('SANDBOX_JS_CHECK', 3, 'MEDIUM'),
        finding('OPEN_EXTERNAL_JS_CHECK', 4, 'MEDIUM'),
      ],
      new Map([['main/index.ts', parseWaivers(SOURCE).slice(0, 2)]]),
    );
    expect(findings.map((f) => f.explanation)).toEqual([
      'set elsewhere',
      'set elsewhere',
      'allow-listed',
    ]);
    expect(problems).toEqual([]);
  });

  it('fails on a finding of another check on a waived line, whatever its severity', () => {
    const { findings, problems } = judge([
      finding('CONTEXT_ISOLATION_JS_CHECK', 3),
      finding('SANDBOX_JS_CHECK', 3),
      finding('OPEN_EXTERNAL_JS_CHECK', 4),
      finding('AUXCLICK_JS_CHECK', 3, 'MEDIUM'),
    ]);
    expect(findings[3]!.explanation).toBeUndefined();
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^MEDIUM AUXCLICK_JS_CHECK at electron\/main\/index\.ts:3 is on a waived line, but its waiver names only CONTEXT_ISOLATION_JS_CHECK, SANDBOX_JS_CHECK/,
      ),
    );
  });

  it('fails on a HIGH finding no waiver covers, and lets a lower one through', () => {
    const { problems } = applyWaivers(
      [finding('NODE_INTEGRATION_JS_CHECK', 9), finding('CSP_GLOBAL_CHECK', 9, 'MEDIUM')],
      new Map(),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^HIGH NODE_INTEGRATION_JS_CHECK .* not explained/),
    ]);
  });

  it('fails on a waiver that names no check, or a check not reported where it stands', () => {
    const { problems } = judge([finding('CONTEXT_ISOLATION_JS_CHECK', 3)]);
    expect(problems).toEqual([
      expect.stringMatching(
        /electron\/main\/index\.ts:2 names SANDBOX_JS_CHECK, which is not reported/,
      ),
      expect.stringMatching(
        /electron\/main\/index\.ts:4 names OPEN_EXTERNAL_JS_CHECK, which is not reported/,
      ),
      expect.stringMatching(/electron\/main\/index\.ts:5 names no check/),
    ]);
  });

  it('does not let a waiver reach two lines down', () => {
    const lineTwoOnly = new Map([['main/index.ts', parseWaivers(SOURCE).slice(0, 1)]]);
    const { findings, problems } = applyWaivers(
      [finding('CONTEXT_ISOLATION_JS_CHECK', 3), finding('CONTEXT_ISOLATION_JS_CHECK', 4)],
      lineTwoOnly,
    );
    expect(findings.map((f) => f.explanation)).toEqual(['set elsewhere', undefined]);
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^HIGH CONTEXT_ISOLATION_JS_CHECK at main\/index\.ts:4 is not explained/,
      ),
    );
  });
});
