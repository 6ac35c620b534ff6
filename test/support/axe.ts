import axe from 'axe-core';
import type { Frame } from 'playwright-core';

/** One rule broken, as axe-core reports it, kept short enough to read in a failed expectation. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) in a playwright frame and answers the serious and critical violations.
 * The script is injected once per document; the frame's own content is not changed otherwise.
 */
export async function seriousViolations(frame: Frame): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await frame.evaluate(axe.source);
  return frame.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe;
    const result = await run.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}
