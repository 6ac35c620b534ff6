import type { Frame, FrameLocator } from 'playwright-core';

/** What `axe.run` reports about one rule that failed. */
export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) inside the task pane's frame and answers the serious and critical
 * violations; `within` narrows the check to one part of the pane (a CSS selector).
 */
export async function seriousViolations(frame: Frame, within?: string): Promise<AxeViolation[]> {
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { source } = require('axe-core') as { source: string };
    await frame.evaluate(source);
  }
  const violations = await frame.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    // Fluent's focus manager (tabster) adds aria-hidden focus redirectors on purpose: a known false positive.
    const result = await axe.run(
      { include: [context ?? 'body'], exclude: ['[data-tabster-dummy]'] },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      },
    );
    return result.violations;
  }, within ?? null);
  return (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The frame behind a frame locator (playwright answers it through the iframe's element). */
export async function frameOf(locator: FrameLocator): Promise<Frame> {
  const frame = await locator
    .owner()
    .elementHandle()
    .then((h) => h?.contentFrame());
  if (!frame) throw new Error('task pane frame missing');
  return frame;
}
