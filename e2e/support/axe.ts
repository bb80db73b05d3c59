import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Tabster's focus sentinels (Fluent's focus management) are focusable and aria-hidden on
 * purpose: they pass focus on the moment they get it, and a screen reader must not announce
 * them. axe's aria-hidden-focus flags them whenever tabster has placed them; Microsoft's own
 * Accessibility Insights leaves them out for that reason (microsoft/tabster#288,
 * accessibility-insights-web#7605). Only these sentinels are left out, of that rule only.
 */
const isTabsterSentinel = (html: string) => /^<i [^>]*data-tabster-dummy=""/.test(html);

/** Every problem axe finds, of any impact, fails the test; each is listed with where it is. */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const found = results.violations
    .map((v) => ({
      ...v,
      nodes:
        v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !isTabsterSentinel(n.html)) : v.nodes,
    }))
    .filter((v) => v.nodes.length > 0)
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'no impact'}): ${v.nodes.map((n) => `${n.html.slice(0, 160)} — ${n.failureSummary ?? ''}`).join('; ')}`,
    );
  expect(found).toEqual([]);
}
