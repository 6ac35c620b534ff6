import axe from 'axe-core';
import type { Frame, Page } from 'playwright-core';

/** One accessibility rule broken, with where (CSS paths of the offending nodes). */
export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in a page or frame (the task pane's frame) and answers the serious and critical violations
 * (WCAG 2.1 AA and best practice, axe's defaults). The script is evaluated through the browser's debugging
 * protocol, so the pane's Content-Security-Policy does not stop it. `within`: a CSS selector to check only part.
 */
export async function seriousAxeViolations(target: Frame | Page, within?: string): Promise<AxeFinding[]> {
  const loaded = await target.evaluate(() => 'axe' in window);
  if (!loaded) await target.evaluate(axe.source);
  const findings = await target.evaluate(async (selector) => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const context = selector ? { include: [selector] } : document;
    const results = await runner.run(context, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes
        // Fluent's focus manager (Tabster) puts `<i data-tabster-dummy tabindex=0 aria-hidden>` at the edges of
        // its focus groups: they pass focus on the moment they get it and are hidden from screen readers on
        // purpose. Fluent and Tabster document this as by design; only these nodes are let through, and only
        // for this rule.
        .filter((n) => !(v.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(n.html)))
        .map((n) => n.target.join(' ')),
    }));
  }, within ?? null);
  return findings.filter((f) => (f.impact === 'serious' || f.impact === 'critical') && f.nodes.length > 0);
}
