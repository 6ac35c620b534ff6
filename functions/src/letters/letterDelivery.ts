import type { Services } from '../composition';
import { createGraphMailer } from '../adapters/graphMailer';
import { graphTokenSourceFor, type GraphTokenSource } from '../adapters/graphTokenSource';
import type { LetterDeliveryDeps } from '../app/deliverLetters';
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
        settings: letterSettingsFrom(services.config),
        options,
        random: overrides.random ?? Math.random,
      };
      built.set(services, deps);
    }
    return deps;
  };
}

/** The production dependencies (shared by the timer and the letter routes). */
export const defaultLetterDelivery = letterDeliveryFactory();
