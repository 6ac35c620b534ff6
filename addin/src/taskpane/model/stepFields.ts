import { STEP_LABELS, type StepInput, type StepType } from '../../../../domain/src/steps';
import { isIsoDate } from './dates';

/**
 * The form of each step type of domain/src/steps.ts: which fields, their Dutch labels, and how the typed
 * values become the request body. Loaded with the complaint view (lazily): it imports the domain's labels.
 */
export type FieldKind =
  'date' | 'text' | 'longText' | 'agreed' | 'ground' | 'category' | 'email' | 'noAgreement';

export interface StepField {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  hint?: string;
}

export type DraftValues = Record<string, string>;

const on = (required: boolean, label = 'Datum'): StepField => ({
  name: 'on',
  label,
  kind: 'date',
  required,
  ...(required ? {} : { hint: 'Leeg laten: vandaag.' }),
});
const note: StepField = { name: 'note', label: 'Toelichting', kind: 'longText', required: false };

export const STEP_FIELDS: Readonly<Record<StepType, readonly StepField[]>> = {
  acknowledged: [on(false, 'Verstuurd op')],
  informationRequested: [on(false, 'Opgevraagd op'), note],
  meetingScheduled: [
    on(false, 'Gepland op'),
    { name: 'meetingOn', label: 'Datum afspraak', kind: 'date', required: true },
    note,
  ],
  decisionTaken: [on(false), { name: 'summary', label: 'Besluit', kind: 'longText', required: true }],
  solutionProposed: [
    on(false),
    { name: 'solution', label: 'Voorgestelde oplossing', kind: 'longText', required: true },
  ],
  agreementRecorded: [
    on(false),
    { name: 'agreed', label: 'Reactie van de klager', kind: 'agreed', required: true },
  ],
  clarificationMeetingScheduled: [
    on(false, 'Gepland op'),
    { name: 'meetingOn', label: 'Datum verduidelijkingsafspraak', kind: 'date', required: true },
  ],
  extensionDetermined: [
    on(true, 'Vastgesteld op'),
    { name: 'reason', label: 'Reden van de verlenging', kind: 'longText', required: true },
    { name: 'expectedBy', label: 'Verwachte datum van afhandeling', kind: 'date', required: true },
  ],
  escalated: [
    on(true, 'Voorgelegd op'),
    { name: 'reason', label: 'Waarom de directeur?', kind: 'longText', required: true },
  ],
  escalationResponded: [on(false, 'Gereageerd op'), note],
  referredToThirdParty: [on(false, 'Voorgelegd op')],
  bindingRuling: [
    on(true, 'Datum uitspraak'),
    { name: 'outcome', label: 'Uitspraak', kind: 'longText', required: true },
  ],
  declaredInadmissible: [
    on(false),
    { name: 'ground', label: 'Grond', kind: 'ground', required: true },
    {
      name: 'relatedComplaint',
      label: 'Eerdere klacht (bij herhaalde klacht)',
      kind: 'text',
      required: false,
      hint: 'Bijvoorbeeld K-2026-0001',
    },
  ],
  causeAnalysed: [
    on(false),
    { name: 'category', label: 'Categorie', kind: 'category', required: true },
    { name: 'text', label: 'Oorzaak', kind: 'longText', required: true },
  ],
  measureRecorded: [
    on(false),
    { name: 'description', label: 'Maatregel', kind: 'longText', required: true },
    { name: 'owner', label: 'Eigenaar', kind: 'text', required: true },
    { name: 'dueOn', label: 'Gereed op', kind: 'date', required: true },
  ],
  complainantInformed: [on(true, 'Geïnformeerd op')],
  reassigned: [
    on(false),
    { name: 'handlerName', label: 'Naam nieuwe behandelaar', kind: 'text', required: true },
    { name: 'handlerAddress', label: 'E-mailadres nieuwe behandelaar', kind: 'email', required: true },
  ],
  closed: [
    on(false, 'Afgesloten op'),
    {
      name: 'agreement',
      label: 'Geen overeenstemming (de klager reageerde niet op de oplossing)',
      kind: 'noAgreement',
      required: false,
    },
  ],
};

export const stepLabel = (type: string): string =>
  type === 'registered' ? 'Geregistreerd' : ((STEP_LABELS as Record<string, string>)[type] ?? type);

/** Labels of the fields a recorded step carries, for the timeline. */
export function fieldLabel(type: string, name: string): string {
  const fields = (STEP_FIELDS as Record<string, readonly StepField[] | undefined>)[type] ?? [];
  return fields.find((f) => f.name === name)?.label ?? name;
}

export type BuiltStep = { ok: true; step: StepInput } | { ok: false; errors: Record<string, string> };

/** Checks what can be checked here (required, dates, e-mail) and shapes the body; the API checks the rest. */
export function buildStep(type: StepType, values: DraftValues): BuiltStep {
  const errors: Record<string, string> = {};
  const body: Record<string, unknown> = { type };
  let handler: { name?: string; address?: string } | undefined;
  for (const field of STEP_FIELDS[type]) {
    const raw = (values[field.name] ?? '').trim();
    if (raw === '') {
      if (field.required) errors[field.name] = 'Dit veld is verplicht.';
      continue;
    }
    switch (field.kind) {
      case 'date':
        if (!isIsoDate(raw)) errors[field.name] = 'Geen geldige datum.';
        else body[field.name] = raw;
        break;
      case 'email':
        if (!/^[^\s@]+@[^\s@]+$/.test(raw)) errors[field.name] = 'Geen geldig e-mailadres.';
        break;
      case 'agreed':
        body[field.name] = raw === 'yes';
        break;
      case 'noAgreement':
        if (raw === 'true') body[field.name] = 'none';
        break;
      default:
        body[field.name] = raw;
    }
    if (field.name === 'handlerName') handler = { ...handler, name: raw };
    if (field.name === 'handlerAddress') handler = { ...handler, address: raw };
  }
  if (handler) {
    delete body['handlerName'];
    delete body['handlerAddress'];
    body['handler'] = handler;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, step: body as StepInput };
}
