import { useId } from 'react';
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { StepType } from '../../../../domain/src/steps';
import { STEP_FIELDS, stepLabel, type DraftValues, type StepField } from '../model/stepFields';
import { CATEGORIES } from '../model/registrationChoices';

export interface StepRecorderProps {
  allowed: readonly StepType[];
  /** The usual next step(s), listed first under "Volgende stap"; the rest under "Andere stap". */
  usual?: readonly StepType[];
  /** How the chosen step reaches the complainant: an Outlook form, or a letter where Outlook cannot. */
  channel?: 'reply' | 'appointment' | 'letter' | null;
  selected: StepType | '';
  onSelect: (type: StepType | '') => void;
  values: DraftValues;
  onChange: (name: string, value: string) => void;
  errors: Record<string, string>;
  busy: boolean;
  onSubmit: () => void;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

function FieldInput({
  field,
  value,
  onChange,
}: {
  field: StepField;
  value: string;
  onChange: (value: string) => void;
}) {
  switch (field.kind) {
    case 'date':
      return <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />;
    case 'email':
      return <Input type="email" value={value} onChange={(_, d) => onChange(d.value)} />;
    case 'longText':
      return <Textarea value={value} resize="vertical" onChange={(_, d) => onChange(d.value)} />;
    case 'category':
      return (
        <Select value={value} onChange={(_, d) => onChange(d.value)}>
          <option value="">(kies)</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      );
    case 'agreed':
      return (
        <RadioGroup value={value} onChange={(_, d) => onChange(d.value)}>
          <Radio value="yes" label="Akkoord" />
          <Radio value="no" label="Niet akkoord" />
        </RadioGroup>
      );
    case 'ground':
      return (
        <RadioGroup value={value} onChange={(_, d) => onChange(d.value)}>
          <Radio value="late" label="Te laat ingediend" />
          <Radio value="repeat" label="Herhaalde klacht" />
        </RadioGroup>
      );
    default:
      return <Input value={value} onChange={(_, d) => onChange(d.value)} />;
  }
}

/** Only the steps the domain allows now, each with its own fields; the state lives with the complaint. */
export function StepRecorder(props: StepRecorderProps) {
  const styles = useStyles();
  const headingId = useId();
  const { allowed, selected, values, errors, busy } = props;
  const usual = props.usual ?? [];
  if (allowed.length === 0) return null;
  const option = (type: StepType) => (
    <option key={type} value={type}>
      {stepLabel(type)}
    </option>
  );
  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Text as="h3" id={headingId} weight="semibold" size={300}>
        Stap vastleggen
      </Text>
      <Field label="Stap">
        <Select value={selected} onChange={(_, d) => props.onSelect(d.value as StepType | '')}>
          <option value="">(kies een stap)</option>
          {usual.length > 0 ? (
            <>
              <optgroup label="Volgende stap">{usual.map(option)}</optgroup>
              <optgroup label="Andere stap">{allowed.filter((t) => !usual.includes(t)).map(option)}</optgroup>
            </>
          ) : (
            allowed.map(option)
          )}
        </Select>
      </Field>
      {selected &&
        STEP_FIELDS[selected].map((field) =>
          field.kind === 'noAgreement' ? (
            <Checkbox
              key={field.name}
              label={field.label}
              checked={values[field.name] === 'true'}
              onChange={(_, d) => props.onChange(field.name, d.checked === true ? 'true' : '')}
            />
          ) : (
            <Field
              key={field.name}
              label={field.label}
              required={field.required}
              hint={field.hint}
              validationMessage={errors[field.name]}
            >
              <FieldInput
                field={field}
                value={values[field.name] ?? ''}
                onChange={(v) => props.onChange(field.name, v)}
              />
            </Field>
          ),
        )}
      {selected && props.channel && (
        <Caption1>
          {props.channel === 'reply'
            ? 'Na vastleggen opent Outlook een antwoord aan de klager met de vragen.'
            : props.channel === 'appointment'
              ? 'Na vastleggen opent Outlook een uitnodiging voor de klager.'
              : 'Deze Outlook-versie kan geen bericht openen: er gaat een brief naar de klager.'}
        </Caption1>
      )}
      {selected && (
        <Button
          type="submit"
          appearance="primary"
          disabled={busy}
          aria-busy={busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {busy ? 'Bezig met vastleggen…' : 'Vastleggen'}
        </Button>
      )}
    </form>
  );
}
