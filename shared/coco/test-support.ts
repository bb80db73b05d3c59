import { expect } from 'vitest';
import type { AnnotationKind } from '../contract/dataset';
import { checkCocoText } from './checker';
import type { CheckPurpose, CocoReport } from './report';

/** Test helpers for the checker's tests (imported only by *.test.ts). */

export function check(
  file: unknown,
  kind: AnnotationKind,
  purpose: CheckPurpose = 'training',
  maxPerRule?: number,
): CocoReport {
  const text = typeof file === 'string' ? file : JSON.stringify(file);
  return checkCocoText(text, { kind, purpose, maxPerRule });
}

/** Every listed instance as `rule @ location`. */
export function findings(report: CocoReport): string[] {
  return report.problems.flatMap((p) => p.instances.map((i) => `${p.rule} @ ${i.location}`));
}

/** The message of the one instance of rule at location; fails when there is none. */
export function problemAt(report: CocoReport, rule: string, location: string): string {
  const instance = report.problems
    .find((p) => p.rule === rule)
    ?.instances.find((i) => i.location === location);
  expect(instance, `${rule} @ ${location} in ${JSON.stringify(findings(report))}`).toBeDefined();
  return instance?.message ?? '';
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
