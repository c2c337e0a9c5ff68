import type { Page } from 'playwright-core';

/** WCAG 2.2 A and AA, as axe-core tags them (2.0, 2.1 and 2.2 success criteria at levels A and AA). */
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * The options of a context whose pages axe checks: the pages' Content-Security-Policy (script-src
 * 'self') refuses axe's inline script, so Chromium is told not to apply it in these contexts only.
 */
export const AXE_CONTEXT = { bypassCSP: true } as const;

/**
 * One rule switched off for one element, and why (a false positive or a deliberate choice): never
 * a rule for the whole page.
 */
export interface AxeException {
  rule: string;
  selector: string;
  why: string;
}

/** What the check needs of the page's window (the project's types have no DOM library). */
interface PageWindow {
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
  document: { querySelector(selector: string): { matches(selector: string): boolean } | null };
}

interface AxeNode {
  target: unknown[];
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

// axe-core's own source, read once: injected into each page as a script of the page's own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AXE_SOURCE = (require('axe-core') as { source: string }).source;

/**
 * The WCAG 2.2 A/AA violations axe-core finds on the page as it is now, one line each (rule,
 * impact, element, help URL), each `exceptions` entry excluding its one rule from its one element.
 */
export async function axeViolations(page: Page, exceptions: readonly AxeException[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => (globalThis as unknown as PageWindow).axe !== undefined)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(
    async ({ tags, excluded }) => {
      const { axe, document } = globalThis as unknown as Required<PageWindow>;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      // Drop the nodes an exception names (by selector match), then the rules left with none.
      return result.violations
        .map((violation) => ({
          ...violation,
          nodes: violation.nodes.filter(
            (node) =>
              !excluded.some(
                (e) =>
                  e.rule === violation.id &&
                  node.target.some(
                    (t) => typeof t === 'string' && document.querySelector(t)?.matches(e.selector),
                  ),
              ),
          ),
        }))
        .filter((violation) => violation.nodes.length > 0);
    },
    { tags: [...WCAG_22_AA_TAGS], excluded: exceptions.map(({ rule, selector }) => ({ rule, selector })) },
  );
  return violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'no impact given'}) at ${JSON.stringify(node.target)}: ${violation.help} ${violation.helpUrl}`,
    ),
  );
}
