import { z } from 'zod';
import { localDateSchema } from '../../../domain/src/schemas';
import type { LocalDate } from '../../../domain/src/localDate';
import { defaultOrganisationStart } from '../../../domain/src/receiptDate';
import { procedureSettingsSchema, type ProcedureSettings } from '../../../domain/src/settings';

/**
 * Every setting the Functions app reads, validated once at start-up (a typo in an app setting must stop the
 * app with a clear message, not surface as a 500 on the first complaint). This schema is the single list:
 * infra/ sets exactly these app settings, and a test checks that the two agree.
 *
 * Storage: locally a connection string (Azurite); in Azure the account name, reached with the managed identity.
 * Auth: the Entra tenant and the API's client id; issuer and JWKS default to Entra's and are overridden only by
 * the local stack, so the validation code is the same everywhere.
 */
const settingsShape = z.object({
  KR_STORAGE_CONNECTION: z.string().min(1).optional(),
  KR_STORAGE_ACCOUNT: z.string().min(3).optional(),
  KR_AUTH_TENANT_ID: z.string().min(1),
  KR_AUTH_AUDIENCE: z.string().min(1),
  KR_AUTH_ISSUER: z.url().optional(),
  KR_AUTH_JWKS_URL: z.url().optional(),
  KR_GRAPH_BASE_URL: z.url().default('https://graph.microsoft.com/v1.0'),
  KR_MAILBOX: z.email(),
  KR_ADDIN_ORIGIN: z.url(),
  KR_TEAMS_WEBHOOK_URL: z.url().optional(),
  /**
   * Mailbox capture (docs/deploy.md, "Mailbox capture"): the public URL of the `mailboxNotifications` function
   * (with its function key) that Graph posts change notifications to, and the clientState secret (Key Vault)
   * that every notification must carry. Without them no subscription is made and the delta timer alone
   * captures replies.
   */
  KR_NOTIFICATION_URL: z.url().optional(),
  KR_GRAPH_CLIENT_STATE: z.string().min(16).max(128).optional(),
  KR_DIRECTOR_ADDRESS: z.email().optional(),
  KR_ORGANISATION_NAME: z.string().min(1).default('Onze organisatie'),
  /** The first day the organisation could receive a complaint; an earlier receipt date is a typo. */
  KR_ORGANISATION_START: localDateSchema.default(defaultOrganisationStart),
  /** Working days before a deadline that the handler gets a reminder (deadline sweep). */
  KR_REMINDER_WORKING_DAYS: z.coerce.number().int().min(0).max(20).default(2),
  /** Minutes a new letter waits so the handler can read it and add a personal paragraph; 0 sends at once. */
  KR_LETTER_REVIEW_MINUTES: z.coerce.number().int().min(0).max(1440).default(0),
  // The procedure's settings (R3, R13, the working-day calendar); see docs/deploy.md.
  KR_THIRD_PARTY_ORGANISATION: z.string().min(1),
  KR_THIRD_PARTY_PERSON: z.string().default(''),
  KR_THIRD_PARTY_EMAIL: z.email(),
  /** Working days the complainant has to react to a proposed solution before it may be closed without agreement. */
  KR_NO_REACTION_WORKING_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  KR_RETENTION_YEARS: z.coerce.number().int().min(2).max(100).default(2),
  KR_LIBERATION_DAY: z.enum(['always', 'lustrum', 'never']).default('lustrum'),
  KR_GOOD_FRIDAY_IS_HOLIDAY: z.enum(['true', 'false']).default('false'),
  /** Comma-separated YYYY-MM-DD dates the organisation is closed. */
  KR_CLOSURE_DAYS: z.string().default(''),
});

const configSchema = settingsShape.refine(
  (c) => c.KR_STORAGE_CONNECTION !== undefined || c.KR_STORAGE_ACCOUNT !== undefined,
  {
    message: 'KR_STORAGE_CONNECTION of KR_STORAGE_ACCOUNT moet gezet zijn',
    path: ['KR_STORAGE_ACCOUNT'],
  },
);

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  storage: { kind: 'connectionString'; connectionString: string } | { kind: 'account'; accountName: string };
  auth: { tenantId: string; audience: string; issuer: string; jwksUrl: string };
  graph: { baseUrl: string; mailbox: string };
  capture: { notificationUrl: string | undefined; clientState: string | undefined };
  addinOrigin: string;
  teamsWebhookUrl: string | undefined;
  directorAddress: string | undefined;
  organisationName: string;
  organisationStart: LocalDate;
  reminderWorkingDays: number;
  letterReviewMinutes: number;
  procedure: ProcedureSettings;
}

/** The names of every app setting the app reads (for infra and its tests). */
export const configKeys: readonly string[] = Object.keys(settingsShape.shape);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates the environment; throws a ConfigError naming every bad setting (never their values). */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Ongeldige configuratie: ${names}`);
  }
  const c = parsed.data;
  const procedure = procedureSettingsSchema.safeParse({
    calendar: {
      liberationDay: c.KR_LIBERATION_DAY,
      goodFridayIsHoliday: c.KR_GOOD_FRIDAY_IS_HOLIDAY === 'true',
      closureDays: c.KR_CLOSURE_DAYS.split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    },
    retentionYears: c.KR_RETENTION_YEARS,
    noReactionWorkingDays: c.KR_NO_REACTION_WORKING_DAYS,
    thirdParty: {
      organisation: c.KR_THIRD_PARTY_ORGANISATION,
      person: c.KR_THIRD_PARTY_PERSON,
      email: c.KR_THIRD_PARTY_EMAIL,
    },
  });
  if (!procedure.success) {
    throw new ConfigError(
      `Ongeldige procedure-instellingen: ${procedure.error.issues.map((i) => i.path.join('.')).join(', ')}`,
    );
  }
  const tenant = c.KR_AUTH_TENANT_ID;
  return {
    storage: c.KR_STORAGE_CONNECTION
      ? { kind: 'connectionString', connectionString: c.KR_STORAGE_CONNECTION }
      : { kind: 'account', accountName: c.KR_STORAGE_ACCOUNT ?? '' },
    auth: {
      tenantId: tenant,
      audience: c.KR_AUTH_AUDIENCE,
      issuer: c.KR_AUTH_ISSUER ?? `https://login.microsoftonline.com/${tenant}/v2.0`,
      jwksUrl: c.KR_AUTH_JWKS_URL ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    },
    graph: { baseUrl: c.KR_GRAPH_BASE_URL, mailbox: c.KR_MAILBOX },
    capture: { notificationUrl: c.KR_NOTIFICATION_URL, clientState: c.KR_GRAPH_CLIENT_STATE },
    addinOrigin: c.KR_ADDIN_ORIGIN,
    teamsWebhookUrl: c.KR_TEAMS_WEBHOOK_URL,
    directorAddress: c.KR_DIRECTOR_ADDRESS,
    organisationName: c.KR_ORGANISATION_NAME,
    organisationStart: c.KR_ORGANISATION_START,
    reminderWorkingDays: c.KR_REMINDER_WORKING_DAYS,
    letterReviewMinutes: c.KR_LETTER_REVIEW_MINUTES,
    procedure: procedure.data,
  };
}
