import type { Services } from '../composition';
import { createGraphMailer } from '../adapters/graphMailer';
import { graphTokenSourceFor, type GraphTokenSource } from '../adapters/graphTokenSource';
import { deliverLetters, type LetterDeliveryDeps } from '../app/deliverLetters';
import { defaultDeliveryOptions, type DeliveryOptions } from './deliveryPolicy';
import { letterSettingsFrom } from './letterSettings';
import type { Mailer } from './mailer';

/** What the local stack or a test may replace; production uses none of these. */
export interface LetterRuntimeOverrides {
  tokens?: GraphTokenSource;
  mailer?: Mailer;
  options?: Partial<DeliveryOptions>;
  random?: () => number;
}

/**
 * The letter sender's dependencies, built from the app's services (config, store, clock) and the Graph
 * adapter. Built once per services object: the Graph client and its token cache live as long as the process.
 */
export function letterDeliveryFactory(
  overrides: LetterRuntimeOverrides = {},
): (services: Services) => LetterDeliveryDeps {
  const built = new WeakMap<Services, LetterDeliveryDeps>();
  return (services) => {
    let deps = built.get(services);
    if (!deps) {
      const options = {
        ...defaultDeliveryOptions,
        reviewWindowMs: (services.config.letterReviewMinutes ?? 0) * 60_000,
        ...overrides.options,
      };
      const { baseUrl, mailbox } = services.config.graph;
      deps = {
        complaints: services.complaints,
        index: services.index,
        // The app's own mailer (one Graph client per process) unless the stack or a test swaps a part.
        mailer:
          overrides.mailer ??
          (overrides.tokens || overrides.options?.requestTimeoutMs !== undefined
            ? createGraphMailer({
                baseUrl,
                mailbox,
                tokens: overrides.tokens ?? graphTokenSourceFor(baseUrl),
                timeoutMs: options.requestTimeoutMs,
              })
            : services.mailer),
        clock: services.clock,
        settings: letterSettingsFrom(services.config, services.procedure.settings),
        options,
        random: overrides.random ?? Math.random,
      };
      built.set(services, deps);
    }
    return deps;
  };
}

/** The production dependencies (shared by the timer and the immediate attempt after a step). */
export const defaultLetterDelivery = letterDeliveryFactory();

/**
 * Best effort, right after a step that queued a letter has committed: try to deliver that complaint's letters
 * now, but give the HTTP answer back after `budgetMs` at the latest. Whatever is not done by then (or is lost
 * when the host freezes after answering) is finished by the timer: the claim's lease runs out and the letter is
 * verified in Sent Items before it is sent again. Never throws.
 */
export async function deliverSoon(
  services: Services,
  complaintId: string,
  budgetMs = 2_000,
  deps: (services: Services) => LetterDeliveryDeps = defaultLetterDelivery,
): Promise<void> {
  const attempt = deliverLetters(deps(services), { complaintId }).then(
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
