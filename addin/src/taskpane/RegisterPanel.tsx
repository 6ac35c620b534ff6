import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { RegistrationRequest } from '../../../domain/src/api/registration';
import type { AttachmentContent, OpenMessage } from '../office/openMessage';
import { ApiProblem } from '../api/problem';
import { ProblemBar } from './ProblemBar';
import { formatDate, formatDateTime, isIsoDate, isLateSubmission } from './model/dates';
import { forwardedSender, type Party } from './model/forwardedSender';
import { CATEGORIES, DEFAULT_TERM, TERMS, termLabel } from './model/registrationChoices';

export interface RegisterPanelProps {
  message: OpenMessage;
  /** The signed-in person: the default behandelaar ("ik"). Unknown while the token is on its way. */
  me?: Party | undefined;
  register: (request: RegistrationRequest) => Promise<void>;
  readAttachments: () => Promise<AttachmentContent[]>;
}

/** What the handler typed; kept across failed attempts. */
export interface RegisterDraft {
  issueAroseOn: string;
  handlingTerm: string;
  category: string;
  handlerName: string;
  handlerAddress: string;
  complainantName: string;
  complainantAddress: string;
}

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    wordBreak: 'break-word',
    whiteSpace: 'pre-wrap',
  },
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
  primary: { width: '100%' },
});

function initialDraft(message: OpenMessage, me: Party | undefined): RegisterDraft {
  const complainant = forwardedSender(message.bodyText, message.from) ?? message.from;
  return {
    issueAroseOn: '',
    handlingTerm: DEFAULT_TERM,
    category: '',
    handlerName: me?.name ?? '',
    handlerAddress: me?.address ?? '',
    complainantName: complainant.name,
    complainantAddress: complainant.address,
  };
}

/** The registration body: only what differs from the API's defaults (sender, me, 6 weeks) is sent. */
export function registrationOf(
  message: OpenMessage,
  attachments: AttachmentContent[],
  draft: RegisterDraft,
  me: Party | undefined,
): RegistrationRequest {
  const request: RegistrationRequest = {
    message: {
      internetMessageId: message.internetMessageId,
      conversationId: message.conversationId,
      ...(message.restItemId ? { restItemId: message.restItemId } : {}),
      subject: message.subject,
      from: message.from,
      receivedAt: message.receivedAt,
      bodyText: message.bodyText,
      attachments,
    },
  };
  if (draft.issueAroseOn) request.issueAroseOn = draft.issueAroseOn;
  if (draft.handlingTerm !== DEFAULT_TERM) request.handlingTerm = draft.handlingTerm;
  if (draft.category.trim()) request.category = draft.category.trim();
  const handler = { name: draft.handlerName.trim(), address: draft.handlerAddress.trim() };
  if (handler.address && handler.address.toLowerCase() !== (me?.address ?? '').toLowerCase()) {
    request.handler = { name: handler.name || handler.address, address: handler.address };
  }
  const complainant = { name: draft.complainantName.trim(), address: draft.complainantAddress.trim() };
  if (
    complainant.address &&
    (complainant.address.toLowerCase() !== message.from.address.toLowerCase() ||
      complainant.name !== message.from.name)
  ) {
    request.complainant = { name: complainant.name || complainant.address, address: complainant.address };
  }
  return request;
}

const registerFailed = (): ApiProblem =>
  new ApiProblem(
    0,
    'about:blank',
    'Registreren is niet gelukt. Probeer het opnieuw; wat u invulde staat er nog.',
  );

/** Not registered yet: a summary of the e-mail, the optional fields, the warnings and one primary action. */
export function RegisterPanel({ message, me, register, readAttachments }: RegisterPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  const [draft, setDraft] = useState<RegisterDraft>(() => initialDraft(message, me));
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const forwarded = useMemo(() => forwardedSender(message.bodyText, message.from), [message]);
  // "me" arrives with the first token; fill it in unless the handler already typed someone else.
  useEffect(() => {
    if (!me) return;
    setDraft((d) =>
      d.handlerName || d.handlerAddress ? d : { ...d, handlerName: me.name, handlerAddress: me.address },
    );
  }, [me]);

  const set =
    (key: keyof RegisterDraft) =>
    (_: unknown, data: { value: string }): void =>
      setDraft((d) => ({ ...d, [key]: data.value }));

  const dateInvalid = draft.issueAroseOn !== '' && !isIsoDate(draft.issueAroseOn);
  const late =
    !dateInvalid && draft.issueAroseOn !== '' && isLateSubmission(draft.issueAroseOn, message.receivedAt);
  const fieldError = (field: string): string | undefined =>
    problem?.errors.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;

  async function onRegister(): Promise<void> {
    // A ref, not only state: two clicks in the same frame must not send two requests.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(null);
    try {
      const attachments = await readAttachments();
      await register(registrationOf(message, attachments, draft, me));
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : registerFailed());
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <form
      className={styles.form}
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onRegister();
      }}
    >
      <Card>
        <CardHeader
          header={
            <Text as="h2" id={headingId} weight="semibold">
              Nog niet geregistreerd
            </Text>
          }
        />
        <div className={styles.summary}>
          <Body1>{message.subject || '(geen onderwerp)'}</Body1>
          <Caption1>
            Van {message.from.name} &lt;{message.from.address}&gt;
          </Caption1>
          <Caption1>Ontvangen {formatDateTime(message.receivedAt)}</Caption1>
          {message.attachments.length > 0 && (
            <Caption1>
              {message.attachments.length === 1 ? '1 bijlage' : `${message.attachments.length} bijlagen`}
              {message.canReadAttachments
                ? ''
                : ' (deze Outlook-versie geeft bijlagen niet door; ze worden niet meegenomen)'}
            </Caption1>
          )}
        </div>
      </Card>

      {late && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Mogelijk te laat ingediend</MessageBarTitle>
            De klacht is ontvangen meer dan 2 weken na {formatDate(draft.issueAroseOn)}. U kunt de klacht toch
            in behandeling nemen of niet-ontvankelijk verklaren.
          </MessageBarBody>
        </MessageBar>
      )}

      <Field
        label="Ontstaan op"
        hint="Wanneer ontstond de klacht? Optioneel."
        validationMessage={dateInvalid ? 'Geen geldige datum.' : fieldError('issueAroseOn')}
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

      {problem && <ProblemBar problem={problem} />}

      <Button
        type="submit"
        appearance="primary"
        className={styles.primary}
        disabled={busy || dateInvalid}
        aria-busy={busy}
        icon={busy ? <Spinner size="tiny" /> : undefined}
      >
        {busy ? 'Bezig met registreren…' : 'Registreer klacht'}
      </Button>
    </form>
  );
}
