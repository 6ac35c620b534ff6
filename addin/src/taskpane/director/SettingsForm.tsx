import { useState } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ProblemBar } from '../ProblemBar';
import { formatDate, formatDateTime, isIsoDate } from '../model/dates';
import { TERMS, termLabel } from '../model/registrationChoices';
import { FIELD_LABELS, type DraftField } from './settingsDraft';
import type { SettingsForm as Form } from './useSettingsForm';

export interface SettingsFormProps {
  form: Form;
  /** Only the director may change the settings; others see them. */
  readOnly: boolean;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  group: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  days: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  day: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  add: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
});

const LIBERATION = [
  { value: 'lustrum', label: 'Vrij in lustrumjaren (2025, 2030, …)' },
  { value: 'always', label: 'Elk jaar vrij' },
  { value: 'never', label: 'Geen vrije dag' },
];

/** The organisation's settings: grouped, validated as typed, saved on the version they were loaded from. */
export function SettingsForm({ form, readOnly }: SettingsFormProps) {
  const styles = useStyles();
  const [newDay, setNewDay] = useState('');
  const { draft, errors } = form;

  if (form.loadProblem) return <ProblemBar problem={form.loadProblem} onRetry={form.reload} />;
  if (!draft || !form.view) return <Spinner size="small" label="Instellingen laden…" />;

  const field = (name: DraftField) => ({
    label: FIELD_LABELS[name],
    ...(errors[name] ? { validationMessage: errors[name], validationState: 'error' as const } : {}),
  });
  const text = (
    name: Exclude<DraftField, 'goodFridayIsHoliday' | 'closureDays'>,
    type?: 'email' | 'number',
  ) => (
    <Field {...field(name)}>
      <Input
        type={type ?? 'text'}
        value={draft[name]}
        readOnly={readOnly}
        onChange={(_, d) => form.set(name, d.value)}
      />
    </Field>
  );

  function addDay(): void {
    if (!draft || !isIsoDate(newDay) || draft.closureDays.includes(newDay)) return;
    form.set('closureDays', [...draft.closureDays, newDay].sort());
    setNewDay('');
  }

  return (
    <form
      className={styles.root}
      aria-labelledby="instellingen-kop"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!readOnly) void form.save();
      }}
    >
      <Text as="h2" id="instellingen-kop" weight="semibold" size={400}>
        Instellingen
      </Text>
      <Caption1>
        Versie {form.view.version}
        {form.view.savedAt && form.view.savedBy
          ? `, opgeslagen op ${formatDateTime(form.view.savedAt)} door ${form.view.savedBy}`
          : ', de standaardinstellingen'}
        .{readOnly ? ' Alleen de directeur kan ze wijzigen.' : ''}
      </Caption1>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Werkdagen</legend>
        <Field {...field('liberationDay')}>
          <Select
            value={draft.liberationDay}
            disabled={readOnly}
            onChange={(_, d) => form.set('liberationDay', d.value)}
          >
            {LIBERATION.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          label="Goede Vrijdag is een vrije dag"
          checked={draft.goodFridayIsHoliday}
          disabled={readOnly}
          onChange={(_, d) => form.set('goodFridayIsHoliday', d.checked === true)}
        />
        <Field {...field('closureDays')}>
          {draft.closureDays.length === 0 ? (
            <Caption1>Geen sluitingsdagen.</Caption1>
          ) : (
            <ul className={styles.days}>
              {draft.closureDays.map((day) => (
                <li key={day} className={styles.day}>
                  <span>{formatDate(day)}</span>
                  {!readOnly && (
                    <Button
                      size="small"
                      appearance="subtle"
                      aria-label={`Sluitingsdag ${formatDate(day)} verwijderen`}
                      onClick={() =>
                        form.set(
                          'closureDays',
                          draft.closureDays.filter((d) => d !== day),
                        )
                      }
                    >
                      Verwijderen
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Field>
        {!readOnly && (
          <div className={styles.add}>
            <Field label="Nieuwe sluitingsdag">
              <Input type="date" value={newDay} onChange={(_, d) => setNewDay(d.value)} />
            </Field>
            <Button disabled={!isIsoDate(newDay)} onClick={addDay}>
              Toevoegen
            </Button>
          </div>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Termijnen</legend>
        <Field {...field('defaultTerm')}>
          <Select
            value={draft.defaultTerm}
            disabled={readOnly}
            onChange={(_, d) => form.set('defaultTerm', d.value)}
          >
            {TERMS.map((t) => (
              <option key={t} value={t}>
                {termLabel(t)}
              </option>
            ))}
          </Select>
        </Field>
        {text('noReactionWorkingDays', 'number')}
        {text('reminderWorkingDays', 'number')}
        {text('retentionYears', 'number')}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Onafhankelijke derde</legend>
        {text('thirdPartyOrganisation')}
        {text('thirdPartyPerson')}
        {text('thirdPartyEmail', 'email')}
      </fieldset>

      <fieldset className={styles.group}>
        <legend className={styles.legend}>Overig</legend>
        <Field {...field('causeCategories')} hint="Eén per regel, bijvoorbeeld: planning">
          <Textarea
            value={draft.causeCategories}
            readOnly={readOnly}
            rows={5}
            resize="vertical"
            onChange={(_, d) => form.set('causeCategories', d.value)}
          />
        </Field>
        {text('directorAddress', 'email')}
      </fieldset>

      {!readOnly && (
        <div>
          <Button type="submit" appearance="primary" disabled={form.saving || !form.dirty}>
            {form.saving ? 'Bezig met opslaan…' : 'Instellingen opslaan'}
          </Button>
        </div>
      )}
      {form.note && (
        <MessageBar intent={form.note.intent} role={form.note.intent === 'success' ? 'status' : 'alert'}>
          <MessageBarBody>{form.note.text}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
