import type { ProblemInstance, RuleProblems } from './report';
import { cocoRule, ruleOrder, type RuleId } from './rules';

/**
 * The problems found so far, per rule: every instance counted, the first `maxPerRule` kept.
 * Messages are built only for the kept ones, so a million pixel boxes cost a million counts,
 * not a million sentences.
 */
export class ProblemList {
  private readonly byRule = new Map<RuleId, { total: number; instances: ProblemInstance[] }>();

  constructor(private readonly maxPerRule: number) {}

  add(rule: RuleId, location: string, message: () => string): void {
    let entry = this.byRule.get(rule);
    if (!entry) {
      entry = { total: 0, instances: [] };
      this.byRule.set(rule, entry);
    }
    entry.total += 1;
    if (entry.instances.length < this.maxPerRule) {
      entry.instances.push({ location, message: message() });
    }
  }

  has(rule: RuleId): boolean {
    return this.byRule.has(rule);
  }

  /** Errors first, then warnings; within each, in the rules' order. */
  result(): RuleProblems[] {
    const problems = [...this.byRule].map(([id, { total, instances }]): RuleProblems => {
      const rule = cocoRule(id);
      return { rule: id, title: rule.title, severity: rule.severity, total, instances };
    });
    const severityRank = (p: RuleProblems) => (p.severity === 'error' ? 0 : 1);
    return problems.sort(
      (a, b) =>
        severityRank(a) - severityRank(b) ||
        ruleOrder(a.rule as RuleId) - ruleOrder(b.rule as RuleId),
    );
  }
}
