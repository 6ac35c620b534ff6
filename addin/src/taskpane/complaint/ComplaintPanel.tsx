import { useEffect, useRef } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Divider,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import type { StepType } from '../../../../domain/src/steps';
import type { KlachtenApi } from '../../api/klachtenApi';
import { ProblemBar } from '../ProblemBar';
import { amsterdamDate, formatDateTime } from '../model/dates';
import { nextSteps } from '../model/complaintState';
import { acknowledgementNotice } from '../model/acknowledgementNotice';
import { nextStepDue } from '../model/nextStepDue';
import type { OutlookForms } from '../model/outlookForms';
import { stepLabel } from '../model/stepFields';
import { termLabel } from '../model/registrationChoices';
import { ClosingConfirmation } from './ClosingConfirmation';
import { Deadlines } from './Deadlines';
import { DescriptionEditor } from './DescriptionEditor';
import { LetterPreviews } from './LetterPreviews';
import { RegisterRecord } from './RegisterRecord';
import { DossierDownload } from './DossierDownload';
import { StepRecorder } from './StepRecorder';
import { Timeline } from './Timeline';
import { useComplaint } from './useComplaint';
import { ConversationList } from '../conversation/ConversationList';

export interface ComplaintPanelProps {
  api: KlachtenApi;
  complaintId: string;
  /** The view that came with the summary, so the first paint needs no extra request. */
  initial?: ComplaintView | undefined;
  /** Opens another complaint (the earlier one of a repeat warning). */
  onOpenComplaint?: (id: string) => void;
  /** Today in Amsterdam; a prop so tests fix the date. */
  today?: string;
  /** Now, for when a waiting letter goes; a prop so tests fix the time. */
  now?: Date;
  /** Outlook's reply and appointment forms, where the host has them. */
  forms?: OutlookForms | undefined;
  /**
   * The pane has just registered (or linked) the e-mail: the button pressed is gone, so the focus goes to the
   * heading with the complaint's number, before what the system did and the next step.
   */
  focusOnOpen?: boolean | undefined;
}

const STATUS_TEXT: Record<string, string> = {
  open: 'In behandeling',
  closed: 'Afgesloten',
  inadmissible: 'Niet-ontvankelijk',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    wordBreak: 'break-word',
  },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  next: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  nextItem: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
  },
});

/** The registered complaint for handlers and the director: deadlines, timeline, the allowed steps, letters. */
export default function ComplaintPanel({
  api,
  complaintId,
  initial,
  onOpenComplaint,
  today,
  now,
  forms,
  focusOnOpen,
}: ComplaintPanelProps) {
  const styles = useStyles();
  const model = useComplaint(api, complaintId, initial, forms);
  const { view, loadProblem, selected, values, errors, problem, stale, recorded, busy, similar, letters } =
    model;
  const day = today ?? amsterdamDate(new Date());
  const result = useRef<HTMLDivElement>(null);
  // After "Vastleggen" the focus goes to what happened, so a screen reader hears it and the keyboard goes on.
  useEffect(() => {
    if (recorded) result.current?.focus();
  }, [recorded]);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = view !== undefined;
  useEffect(() => {
    if (focusOnOpen && loaded) heading.current?.focus();
  }, [focusOnOpen, loaded]);

  if (!view) {
    return loadProblem ? (
      <ProblemBar problem={loadProblem} onRetry={() => void model.reload()} />
    ) : (
      <Spinner size="small" label="Klacht laden…" />
    );
  }

  const allowed = view.allowedSteps as StepType[];
  const next = nextSteps(view);
  const usual = next.usual.map((n) => n.type as StepType);
  const acknowledgement = letters.find((l) => l.kind === 'acknowledgement');
  const notice = acknowledgement
    ? acknowledgementNotice(acknowledgement, view.complainant.name, now ?? new Date())
    : undefined;
  const closedWithoutAgreement = view.status === 'closed' && allowed.includes('referredToThirdParty');

  return (
    <div className={styles.root}>
      <Card>
        <CardHeader
          header={
            <Text as="h2" weight="semibold" size={400} ref={heading} tabIndex={-1}>
              Geregistreerd als <span data-testid="complaint-number">{view.number}</span>
            </Text>
          }
          description={
            <span className={styles.badges}>
              <Badge appearance="tint" color={view.status === 'open' ? 'brand' : 'subtle'}>
                {STATUS_TEXT[view.status] ?? view.status}
              </Badge>
              {view.late && (
                <Badge appearance="tint" color="warning">
                  Te laat ingediend
                </Badge>
              )}
            </span>
          }
        />
        <div className={styles.summary}>
          <Body1>{view.subject || '(geen onderwerp)'}</Body1>
          <Caption1>
            Klager: {view.complainant.name} &lt;{view.complainant.address}&gt;
          </Caption1>
          <Caption1>Behandelaar: {view.handler.name}</Caption1>
          <Caption1>Ontvangen {formatDateTime(view.receivedAt)}</Caption1>
          <Caption1>Behandeltermijn {termLabel(view.handlingTerm)}</Caption1>
        </div>
      </Card>

      {acknowledgement && notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            {notice.text} —{' '}
            <Link
              href="#letters-heading"
              onClick={(e) => {
                e.preventDefault();
                model.openLetter(acknowledgement.seq);
              }}
            >
              {notice.action}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}

      {next.usual.length > 0 && (
        <Card role="region" aria-labelledby="next-step-heading">
          <CardHeader
            header={
              <Text as="h3" id="next-step-heading" weight="semibold" size={300}>
                Volgende stap
              </Text>
            }
          />
          <ul className={styles.next}>
            {next.usual.map((n) => (
              <li key={n.type} className={styles.nextItem}>
                <Button
                  onClick={() => model.select(n.type as StepType)}
                  {...(n.due ? { 'aria-describedby': `next-due-${n.type}` } : {})}
                >
                  {stepLabel(n.type as StepType)}
                </Button>
                {n.due && <Caption1 id={`next-due-${n.type}`}>{nextStepDue(n.due, day)}</Caption1>}
              </li>
            ))}
          </ul>
        </Card>
      )}

      {closedWithoutAgreement && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Geen overeenstemming</MessageBarTitle>
            De klager kan de klacht nog voorleggen aan de onafhankelijke derde. Doet de klager dat, leg het
            dan vast; de klacht gaat dan weer open.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => model.select('referredToThirdParty')}>
              Voorleggen aan onafhankelijke derde
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {view.late && view.status === 'open' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Te laat ingediend</MessageBarTitle>
            De klacht kwam later dan 2 weken na het ontstaan binnen. Neem haar toch in behandeling, of
            verklaar haar niet-ontvankelijk.
          </MessageBarBody>
        </MessageBar>
      )}

      {similar.length > 0 && view.status === 'open' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Mogelijk herhaalde klacht</MessageBarTitle>
            Dezelfde klager diende eerder een vergelijkbare klacht in waarover al is besloten:{' '}
            {similar.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', '}
                <Link
                  href={`#klacht-${encodeURIComponent(s.id)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpenComplaint?.(s.id);
                  }}
                >
                  {s.number}
                </Link>{' '}
                ({s.subject})
              </span>
            ))}
            . Is het dezelfde klacht, verklaar haar dan niet-ontvankelijk als herhaalde klacht.
          </MessageBarBody>
        </MessageBar>
      )}

      <Deadlines view={view} today={day} />
      <Divider />
      <Timeline timeline={view.timeline} />
      <Divider />
      <ConversationList api={api} complaintId={view.id} etag={view.etag} newMessage={view.newMessage} />
      <Divider />
      <RegisterRecord register={view.register} />
      {view.status === 'open' && (
        <DescriptionEditor
          key={view.description}
          description={view.description}
          save={async (text) => model.setView(await api.editDescription(view.id, view.etag, text))}
        />
      )}
      <DossierDownload complaintId={view.id} number={view.number} load={(id) => api.dossier(id)} />
      <Divider />
      <LetterPreviews
        letters={letters}
        load={(seq) => api.letterPreview(view.id, seq)}
        saveNote={(seq, text) => api.saveLetterNote(view.id, seq, text)}
        retry={async (seq) => {
          await api.retryLetter(view.id, seq);
          await model.refreshLetters();
        }}
        opened={model.openedLetter}
      />
      <Divider />

      {stale && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>De klacht is intussen gewijzigd</MessageBarTitle>
            Iemand anders heeft deze klacht gewijzigd terwijl u bezig was. De nieuwste versie is geladen; wat
            u invulde staat er nog. Controleer het en leg de stap opnieuw vast.
          </MessageBarBody>
        </MessageBar>
      )}
      {recorded && (
        <div ref={result} tabIndex={-1} role="status">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>Vastgelegd.{model.recordedNote ? ` ${model.recordedNote}` : ''}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {problem && <ProblemBar problem={problem} />}
      {allowed.length === 0 ? (
        <Caption1>Er zijn nu geen stappen meer vast te leggen.</Caption1>
      ) : (
        <StepRecorder
          allowed={allowed}
          usual={usual}
          selected={selected}
          onSelect={model.select}
          values={values}
          onChange={model.edit}
          errors={errors}
          busy={busy}
          channel={model.channel}
          onSubmit={() => void model.submit()}
        />
      )}
      {model.confirmingClose && (
        <ClosingConfirmation
          view={view}
          busy={busy}
          onConfirm={() => void model.submit()}
          onCancel={model.cancelClose}
        />
      )}
      {stale && (
        <Button appearance="subtle" onClick={model.dismissStale}>
          Melding sluiten
        </Button>
      )}
    </div>
  );
}
