// axe-core (the standard accessibility engine) on the page as it is now, against WCAG 2.0/2.1
// levels A and AA. A failure lists each rule broken, why it matters, and the elements at fault,
// so the test output alone says what to fix.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface A11yOptions {
  /** CSS selectors left out of the scan (only for third-party content the app does not control). */
  exclude?: string[];
  /** axe tags to run; WCAG 2.1 A/AA unless given (add 'best-practice' for landmarks and heading order). */
  tags?: string[];
}

/** Readable report of axe violations: rule, impact, help text and up to 5 offending elements each. */
export function formatViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}\n      ${n.html.slice(0, 200)}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `[${v.impact ?? '?'}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n\n');
}

/** Fails the test with a readable list when axe finds any WCAG 2.1 A/AA violation (or of `options.tags`) on `page`. */
export async function expectNoA11yViolations(page: Page, name: string, options: A11yOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(options.tags ?? wcagTags);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  // Compared as text so that a failure prints the readable report, not a diff of axe's objects.
  expect(formatViolations(violations), `axe found accessibility violations on "${name}"`).toBe('');
}
