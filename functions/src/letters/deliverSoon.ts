import {
  deliverLetters,
  type DeliveryReport,
  type KnownComplaint,
  type LetterDeliveryDeps,
} from './deliverLetters';

/**
 * Best effort, right after a step that queued a letter has committed: try to deliver that complaint's letters
 * now, but give the HTTP answer back after `budgetMs` at the latest. Whatever is not done by then (or is lost
 * when the host freezes after answering) is finished by the timer: the claim's lease runs out and the letter is
 * verified in Sent Items before it is sent again. Never throws; answers the attempt's report when it finished
 * within the budget.
 */
export async function deliverSoon(
  deps: LetterDeliveryDeps,
  complaintId: string,
  budgetMs = 2_000,
  known?: KnownComplaint,
): Promise<DeliveryReport | undefined> {
  const attempt = deliverLetters(deps, known ? { complaintId, known } : { complaintId }).then(
    (report) => report,
    () => undefined,
  );
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), budgetMs);
  });
  const report = await Promise.race([attempt, budget]);
  clearTimeout(timer);
  return report;
}

/** How many requests Graph serves at once per app and mailbox (Outlook's documented limit); beyond it, 429. */
export const graphRequestsPerMailbox = 4;

/**
 * Counts the requests of this instance that are in progress, so a controller can see how many of them would
 * want Graph at the same moment. `enter` answers the function that leaves (calling it twice leaves once).
 */
export function createInFlight(): { enter(): () => void; readonly count: number } {
  let count = 0;
  return {
    enter() {
      count++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        count--;
      };
    },
    get count() {
      return count;
    },
  };
}

/**
 * True when the attempt certainly left the complaint as it was (nothing was due, or it was not its turn yet),
 * so the caller's copy is still current and need not be read again. Unknown (the budget ran out) counts as changed.
 */
export function leftUnchanged(report: DeliveryReport | undefined): boolean {
  if (!report) return false;
  return report.sent + report.retrying + report.failed + report.finalized + report.error === 0;
}
