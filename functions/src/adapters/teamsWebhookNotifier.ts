import { MAX_CARD_BYTES, type TeamsNotifier } from '../app/ports/teamsNotifier';

/**
 * Posts an Adaptive Card to a Teams Workflows webhook ("When a Teams webhook request is received"). The URL is a
 * secret (it carries its own signature), so it is never logged; neither is the answer's body.
 */
export function createTeamsWebhookNotifier(url: string | undefined, timeoutMs = 10_000): TeamsNotifier {
  return {
    async post(message) {
      if (!url) return 'notConfigured';
      const body = JSON.stringify(message);
      if (Buffer.byteLength(body) > MAX_CARD_BYTES) return 'failed';
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.arrayBuffer();
        return response.ok ? 'posted' : 'failed';
      } catch {
        return 'failed';
      }
    },
  };
}
