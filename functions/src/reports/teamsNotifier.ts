import type { TeamsMessage } from './teamsCard';

/** The Teams channel, through a Workflows webhook (a secret URL). */
export interface TeamsNotifier {
  /** `notConfigured` when no webhook URL is set: the summary then goes by mail only. */
  post(message: TeamsMessage): Promise<'posted' | 'notConfigured' | 'failed'>;
}
