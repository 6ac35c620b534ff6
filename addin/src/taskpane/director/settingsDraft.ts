import {
  organisationSettingsSchema,
  type OrganisationSettings,
} from '../../../../domain/src/organisationSettings';

/** The settings form as typed: every field a string (or flag, or list) until it is validated. */
export interface SettingsDraft {
  liberationDay: string;
  goodFridayIsHoliday: boolean;
  closureDays: string[];
  retentionYears: string;
  defaultTerm: string;
  thirdPartyOrganisation: string;
  thirdPartyPerson: string;
  thirdPartyEmail: string;
  causeCategories: string;
  noReactionWorkingDays: string;
  reminderWorkingDays: string;
  directorAddress: string;
}

export type DraftField = keyof SettingsDraft;

export function toDraft(s: OrganisationSettings): SettingsDraft {
  return {
    liberationDay: s.calendar.liberationDay,
    goodFridayIsHoliday: s.calendar.goodFridayIsHoliday,
    closureDays: [...s.calendar.closureDays],
    retentionYears: String(s.retentionYears),
    defaultTerm: s.defaultTerm,
    thirdPartyOrganisation: s.thirdParty.organisation,
    thirdPartyPerson: s.thirdParty.person,
    thirdPartyEmail: s.thirdParty.email,
    causeCategories: s.causeCategories.join('\n'),
    noReactionWorkingDays: String(s.noReactionWorkingDays),
    reminderWorkingDays: String(s.reminderWorkingDays),
    directorAddress: s.directorAddress,
  };
}

/** What a person reads when a field is not right; the schema decides whether it is. */
const MESSAGES: Record<DraftField, string> = {
  liberationDay: 'Kies wanneer Bevrijdingsdag een vrije dag is.',
  goodFridayIsHoliday: 'Kies of Goede Vrijdag een vrije dag is.',
  closureDays: 'Elke sluitingsdag is een datum (dag-maand-jaar).',
  retentionYears: 'Een heel aantal jaren, minimaal 2 en hoogstens 100.',
  defaultTerm: 'Kies een behandeltermijn tussen 6 weken en 3 maanden.',
  thirdPartyOrganisation: 'Vul de organisatie van de onafhankelijke derde in.',
  thirdPartyPerson: 'Vul de naam in zonder regeleinden (hoogstens 200 tekens).',
  thirdPartyEmail: 'Vul een geldig e-mailadres in.',
  causeCategories:
    'Eén categorie per regel: kleine letters, cijfers en streepjes, hoogstens 40 tekens; minimaal één.',
  noReactionWorkingDays: 'Een heel aantal werkdagen, minimaal 1 en hoogstens 60.',
  reminderWorkingDays: 'Een heel aantal werkdagen, van 0 tot en met 20.',
  directorAddress: 'Vul een geldig e-mailadres in, of laat het leeg.',
};

/** The schema's field path (`thirdParty.email`, `calendar.closureDays.0`) → the form's field. */
function fieldOfPath(path: readonly PropertyKey[]): DraftField | undefined {
  const [head, sub] = path.map(String);
  if (head === 'calendar') return sub as DraftField | undefined;
  if (head === 'thirdParty' && sub)
    return `thirdParty${sub.charAt(0).toUpperCase()}${sub.slice(1)}` as DraftField;
  return head as DraftField | undefined;
}

/** The server's field name (`thirdParty.email`) → the form's field, for 400 answers. */
export const fieldOfServerName = (name: string): DraftField | undefined => {
  const field = fieldOfPath(name.split('.'));
  return field && field in MESSAGES ? field : undefined;
};

const whole = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** Validates the draft the way the API does; answers the settings to save, or a Dutch message per field. */
export function fromDraft(
  d: SettingsDraft,
): { ok: true; settings: OrganisationSettings } | { ok: false; errors: Partial<Record<DraftField, string>> } {
  const candidate = {
    calendar: {
      liberationDay: d.liberationDay,
      goodFridayIsHoliday: d.goodFridayIsHoliday,
      closureDays: d.closureDays,
    },
    retentionYears: whole(d.retentionYears),
    defaultTerm: d.defaultTerm,
    thirdParty: {
      organisation: d.thirdPartyOrganisation.trim(),
      person: d.thirdPartyPerson.trim(),
      email: d.thirdPartyEmail.trim(),
    },
    causeCategories: d.causeCategories
      .split('\n')
      .map((c) => c.trim())
      .filter((c) => c !== ''),
    noReactionWorkingDays: whole(d.noReactionWorkingDays),
    reminderWorkingDays: whole(d.reminderWorkingDays),
    directorAddress: d.directorAddress.trim(),
  };
  const parsed = organisationSettingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Partial<Record<DraftField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path);
    if (field && field in MESSAGES) errors[field] = MESSAGES[field];
  }
  return { ok: false, errors };
}

const same = (a: SettingsDraft[DraftField], b: SettingsDraft[DraftField]): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * After someone else saved: the fields this person changed keep what was typed; the others take the new
 * version's value. Answers the merged draft and the fields where both changed (the typed value is kept).
 */
export function mergeDraft(
  base: SettingsDraft,
  typed: SettingsDraft,
  fresh: SettingsDraft,
): { draft: SettingsDraft; conflicts: DraftField[] } {
  const draft = { ...fresh };
  const conflicts: DraftField[] = [];
  for (const field of Object.keys(typed) as DraftField[]) {
    if (same(typed[field], base[field])) continue;
    (draft as Record<DraftField, SettingsDraft[DraftField]>)[field] = typed[field];
    if (!same(fresh[field], base[field]) && !same(fresh[field], typed[field])) conflicts.push(field);
  }
  return { draft, conflicts };
}

export const FIELD_LABELS: Record<DraftField, string> = {
  liberationDay: 'Bevrijdingsdag (5 mei)',
  goodFridayIsHoliday: 'Goede Vrijdag',
  closureDays: 'Sluitingsdagen',
  retentionYears: 'Bewaartermijn na afsluiting (jaren)',
  defaultTerm: 'Standaard behandeltermijn',
  thirdPartyOrganisation: 'Organisatie',
  thirdPartyPerson: 'Contactpersoon',
  thirdPartyEmail: 'E-mailadres',
  causeCategories: 'Categorieën van oorzaken',
  noReactionWorkingDays: 'Reactietermijn van de klager (werkdagen)',
  reminderWorkingDays: 'Herinnering aan de behandelaar (werkdagen vóór een termijn)',
  directorAddress: 'E-mailadres van de directeur',
};
