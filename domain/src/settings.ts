/**
 * The procedure's settings that an organisation may change (the Directeur edits them). Read once, validated
 * with {@link procedureSettingsSchema}, and passed to every domain call: the domain never reads config itself.
 */
import { z } from 'zod';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarSettings } from './workingDayCalendar';
import { DEFAULT_TERM, STANDARD_TERMS } from './handlingTerm';
import { MIN_RETENTION_YEARS } from './deadlines';
import { emailAddressSchema, localDateSchema, nameSchema } from './schemas';
import { singleLineText } from './textPolicy';

/** R13's independent third party ("Onafhankelijke derde is: …"). */
export interface ThirdParty {
  organisation: string;
  person: string;
  email: string;
}

export interface ProcedureSettings {
  calendar: CalendarSettings;
  /** R3: years to keep the register record with personal data after closing; ≥ 2. */
  retentionYears: number;
  /** R5: the handling term preselected at registration (one of `STANDARD_TERMS`). */
  defaultTerm: string;
  /** R13. */
  thirdParty: ThirdParty;
  /** R14: the categories a cause can have; a closed list keeps the yearly analysis countable. */
  causeCategories: readonly string[];
  /**
   * Working days the complainant has to react to a proposed solution; without a reaction by then the complaint
   * may be closed as "geen overeenstemming".
   */
  noReactionWorkingDays: number;
}

/** The reaction period when the organisation sets none. */
export const DEFAULT_NO_REACTION_WORKING_DAYS = 10;

/** Categories for a training institute; an organisation may replace them. */
export const DEFAULT_CAUSE_CATEGORIES = [
  'communicatie',
  'planning',
  'docent',
  'inhoud',
  'administratie',
  'facturering',
  'locatie',
  'examen-certificaat',
  'overig',
] as const;

const categorySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'kleine letters, cijfers en streepjes');

export const procedureSettingsSchema = z.object({
  calendar: z
    .object({
      liberationDay: z.enum(['always', 'lustrum', 'never']).default('lustrum'),
      goodFridayIsHoliday: z.boolean().default(false),
      closureDays: z.array(localDateSchema).max(1000).default([]),
    })
    .default({ ...DEFAULT_CALENDAR_SETTINGS, closureDays: [] }),
  retentionYears: z.number().int().min(MIN_RETENTION_YEARS).max(100).default(MIN_RETENTION_YEARS),
  defaultTerm: z.enum(STANDARD_TERMS).default(DEFAULT_TERM),
  thirdParty: z.object({
    organisation: nameSchema(200),
    person: singleLineText(200).trim(),
    email: emailAddressSchema,
  }),
  causeCategories: z
    .array(categorySchema)
    .min(1)
    .max(100)
    .default([...DEFAULT_CAUSE_CATEGORIES]),
  noReactionWorkingDays: z.number().int().min(1).max(60).default(DEFAULT_NO_REACTION_WORKING_DAYS),
});

/** Settings with every default filled in; only the third party has no sensible default. */
export function defaultProcedureSettings(thirdParty: ThirdParty): ProcedureSettings {
  return {
    calendar: DEFAULT_CALENDAR_SETTINGS,
    retentionYears: MIN_RETENTION_YEARS,
    defaultTerm: DEFAULT_TERM,
    thirdParty,
    causeCategories: DEFAULT_CAUSE_CATEGORIES,
    noReactionWorkingDays: DEFAULT_NO_REACTION_WORKING_DAYS,
  };
}
