import { useId } from 'react';
import {
  Caption1,
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { RelatedComplaint } from '../../../domain/src/api/procedure';
import type { OpenMessage } from '../office/openMessage';
import { formatDate } from './model/dates';
import { forwardedSender } from './model/forwardedSender';
import type { AdmissibilityOffer } from './model/registerDraft';
import { CATEGORIES, TERMS, termLabel } from './model/registrationChoices';
import type { RegisterDraftModel } from './useRegisterDraft';

export interface RegistrationFieldsProps {
  message: OpenMessage;
  /** The form's state and its edits (useRegisterDraft); the buttons that send it are the panel's. */
  model: RegisterDraftModel;
  /** Opens an earlier complaint of the sender. */
  onOpenComplaint?: ((id: string) => void) | undefined;
}

const STATUS_TEXT: Record<string, string> = {
  open: 'in behandeling',
  closed: 'afgesloten',
  inadmissible: 'niet-ontvankelijk',
};

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, wordBreak: 'break-word' },
});

function ComplaintLink({
  item,
  onOpen,
}: {
  item: { id: string; number: string };
  onOpen?: ((id: string) => void) | undefined;
}) {
  if (!onOpen) return <>{item.number}</>;
  return (
    <Link
      href={`#klacht-${encodeURIComponent(item.id)}`}
      onClick={(e) => {
        e.preventDefault();
        onOpen(item.id);
      }}
    >
      {item.number}
    </Link>
  );
}

/** The sender's earlier complaints, before anything is registered. */
function EarlierComplaints({
  related,
  onOpen,
}: {
  related: readonly RelatedComplaint[];
  onOpen?: ((id: string) => void) | undefined;
}) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Text as="h3" id={headingId} weight="semibold" size={300}>
        Eerdere klachten van deze afzender
      </Text>
      <ul className={styles.list}>
        {related.map((r) => (
          <li key={r.id}>
            <ComplaintLink item={r} onOpen={onOpen} /> — {r.subject || '(geen onderwerp)'} (ontvangen{' '}
            {formatDate(r.receivedOn)}, {STATUS_TEXT[r.status] ?? r.status})
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Late and/or a probable repeat: explained before the first letter, with the choice the handler makes. */
function AdmissibilityWarning({
  offer,
  aroseOn,
  onOpen,
}: {
  offer: AdmissibilityOffer;
  aroseOn: string;
  onOpen?: ((id: string) => void) | undefined;
}) {
  return (
    <>
      {offer.late && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Mogelijk te laat ingediend</MessageBarTitle>
            De klacht is ontvangen meer dan 2 weken na {formatDate(aroseOn)}. U kunt de klacht toch in
            behandeling nemen of haar registreren als niet-ontvankelijk; dan gaat alleen die beslissing naar
            de klager, geen ontvangstbevestiging.
          </MessageBarBody>
        </MessageBar>
      )}
      {offer.repeats.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Mogelijk herhaalde klacht</MessageBarTitle>
            Dezelfde klager diende eerder een vergelijkbare klacht in waarover al is besloten:{' '}
            {offer.repeats.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', '}
                <ComplaintLink item={s} onOpen={onOpen} /> ({s.subject})
              </span>
            ))}
            . Is het dezelfde klacht, registreer haar dan als niet-ontvankelijk.
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/**
 * The registration's optional fields, the sender's earlier complaints and the admissibility warnings. A lazy
 * chunk: "Registreer klacht" works with the defaults before these are drawn, so they never delay it.
 */
export function RegistrationFields({ message, model, onOpenComplaint }: RegistrationFieldsProps) {
  const styles = useStyles();
  const { draft, busy, problem, offer, check } = model;
  const forwarded = forwardedSender(message.bodyText, message.from);
  const set =
    (key: Parameters<typeof model.set>[0]) =>
    (_: unknown, data: { value: string }): void =>
      model.set(key)(data.value);
  const fieldError = (field: string): string | undefined =>
    problem?.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  const both = offer !== null && offer.late && offer.relatedComplaint !== undefined;

  return (
    <>
      {check && check.related.length > 0 && (
        <EarlierComplaints related={check.related} onOpen={onOpenComplaint} />
      )}

      <Field
        label="Wanneer ontstond het probleem?"
        hint="De datum waarop het probleem ontstond (ontstaan op). Een klacht na meer dan 2 weken is mogelijk te laat."
        validationMessage={model.dateInvalid ? 'Geen geldige datum.' : fieldError('issueAroseOn')}
      >
        <Input type="date" value={draft.issueAroseOn} onChange={set('issueAroseOn')} disabled={busy} />
      </Field>

      <Field label="Behandeltermijn" validationMessage={fieldError('handlingTerm')}>
        <Select value={draft.handlingTerm} onChange={set('handlingTerm')} disabled={busy}>
          {TERMS.map((t) => (
            <option key={t} value={t}>
              {termLabel(t)}
            </option>
          ))}
        </Select>
      </Field>

      <Field label="Categorie" validationMessage={fieldError('category')}>
        <Select value={draft.category} onChange={set('category')} disabled={busy}>
          <option value="">(nog niet bekend)</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>

      <fieldset className={styles.group} disabled={busy}>
        <legend className={styles.legend}>
          <Text weight="semibold">Behandelaar</Text>
        </legend>
        <Field label="Naam behandelaar">
          <Input value={draft.handlerName} onChange={set('handlerName')} />
        </Field>
        <Field label="E-mailadres behandelaar" validationMessage={fieldError('handler')}>
          <Input type="email" value={draft.handlerAddress} onChange={set('handlerAddress')} />
        </Field>
      </fieldset>

      <fieldset className={styles.group} disabled={busy}>
        <legend className={styles.legend}>
          <Text weight="semibold">Klager</Text>
        </legend>
        {forwarded && (
          <Caption1>Doorgestuurd bericht: de klager is overgenomen uit de doorgestuurde e-mail.</Caption1>
        )}
        <Field label="Naam klager">
          <Input value={draft.complainantName} onChange={set('complainantName')} />
        </Field>
        <Field label="E-mailadres klager" validationMessage={fieldError('complainant')}>
          <Input type="email" value={draft.complainantAddress} onChange={set('complainantAddress')} />
        </Field>
      </fieldset>

      {offer && <AdmissibilityWarning offer={offer} aroseOn={draft.issueAroseOn} onOpen={onOpenComplaint} />}
      {offer && both && (
        <Field label="Grond voor niet-ontvankelijk">
          <RadioGroup value={offer.ground} onChange={set('ground')} disabled={busy}>
            <Radio value="late" label="Te laat ingediend" />
            <Radio value="repeat" label="Herhaalde klacht" />
          </RadioGroup>
        </Field>
      )}
      {offer && offer.ground === 'repeat' && offer.repeats.length > 1 && (
        <Field label="Herhaling van klacht">
          <Select
            value={offer.relatedComplaint?.number ?? ''}
            onChange={set('relatedComplaint')}
            disabled={busy}
          >
            {offer.repeats.map((r) => (
              <option key={r.id} value={r.number}>
                {r.number} — {r.subject}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
