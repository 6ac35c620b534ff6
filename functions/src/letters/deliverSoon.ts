import { deliverLetters, type LetterDeliveryDeps } from './deliverLetters';

/**
 * Best effort, right after a step that queued a letter has committed: try to deliver that complaint's letters
 * now, but give the HTTP answer back after `budgetMs` at the latest. Whatever is not done by then (or is lost
 * when the host freezes after answering) is finished by the timer: the claim's lease runs out and the letter is
 * verified in Sent Items before it is sent again. Never throws.
 */
export async function deliverSoon(
  deps: LetterDeliveryDeps,
  complaintId: string,
  budgetMs = 2_000,
): Promise<void> {
  const attempt = deliverLetters(deps, { complaintId }).then(
    () => undefined,
    () => undefined,
  );
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, budgetMs);
  });
  await Promise.race([attempt, budget]);
  clearTimeout(timer);
}
