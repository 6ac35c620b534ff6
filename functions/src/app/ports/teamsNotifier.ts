/** The subset of Adaptive Cards 1.5 the summary uses. */
export type CardElement =
  | {
      type: 'TextBlock';
      text: string;
      weight?: 'Bolder';
      size?: 'Medium' | 'Large';
      wrap?: boolean;
      isSubtle?: boolean;
    }
  | { type: 'FactSet'; facts: { title: string; value: string }[] };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions: { type: 'Action.OpenUrl'; title: string; url: string }[];
}

/** What a Teams Workflows "When a Teams webhook request is received" flow takes: a message with the card. */
export interface TeamsMessage {
  type: 'message';
  attachments: {
    contentType: 'application/vnd.microsoft.card.adaptive';
    contentUrl: null;
    content: AdaptiveCard;
  }[];
}

/** Teams refuses cards over 28 KB; the summary stays far below, and the poster checks it. */
export const MAX_CARD_BYTES = 28 * 1024;

/** The Teams channel, through a Workflows webhook (a secret URL). */
export interface TeamsNotifier {
  /** `notConfigured` when no webhook URL is set: the summary then goes by mail only. */
  post(message: TeamsMessage): Promise<'posted' | 'notConfigured' | 'failed'>;
}
