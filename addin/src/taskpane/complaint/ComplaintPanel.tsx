import { useCallback, useEffect, useRef, useState } from 'react';
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
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import type { StepType } from '../../../../domain/src/steps';
import type { KlachtenApi, SimilarComplaint } from '../../api/klachtenApi';
import { ApiProblem } from '../../api/problem';
import { ProblemBar } from '../ProblemBar';
import { amsterdamDate, formatDateTime } from '../model/dates';
import { buildStep, type DraftValues } from '../model/stepFields';
import { termLabel } from '../model/registrationChoices';
import { Deadlines } from './Deadlines';
import { LetterPreviews, type LetterRef } from './LetterPreviews';
import { RegisterRecord } from './RegisterRecord';
import { DossierDownload } from './DossierDownload';
import { StepRecorder } from './StepRecorder';
import { Timeline } from './Timeline';
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
});

const problemOf = (error: unknown): ApiProblem =>
  error instanceof ApiProblem
    ? error
    : new ApiProblem(0, 'about:blank', 'Er ging iets mis. Probeer het opnieuw.');

/** The registered complaint for handlers and the director: deadlines, timeline, the allowed steps, letters. */
export default function ComplaintPanel({
  api,
  complaintId,
  initial,
  onOpenComplaint,
  today,
}: ComplaintPanelProps) {
  const styles = useStyles();
  const [view, setView] = useState<ComplaintView | undefined>(initial);
  const [loadProblem, setLoadProblem] = useState<ApiProblem | null>(null);
  const [selected, setSelected] = useState<StepType | ''>('');
  const [drafts, setDrafts] = useState<Partial<Record<StepType, DraftValues>>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [stale, setStale] = useState(false);
  const [recorded, setRecorded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const [similar, setSimilar] = useState<SimilarComplaint[]>([]);
  const [letters, setLetters] = useState<LetterRef[]>([]);
  const day = today ?? amsterdamDate(new Date());

  const reload = useCallback(async (): Promise<ComplaintView | undefined> => {
    try {
      const fresh = await api.getComplaint(complaintId);
      setView(fresh);
      setLoadProblem(null);
      return fresh;
    } catch (error) {
      setLoadProblem(problemOf(error));
      return undefined;
    }
  }, [api, complaintId]);

  useEffect(() => {
    if (!initial) void reload();
  }, [initial, reload]);

  useEffect(() => {
    let live = true;
    // R12: earlier decided complaints of the same complainant; an endpoint that is not there yet is no error.
    api.similar(complaintId).then(
      (items) => live && setSimilar(items.filter((s) => s.id !== complaintId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, complaintId]);

  const etag = view?.etag;
  useEffect(() => {
    let live = true;
    // Steps queue letters: list them again whenever the complaint changed.
    if (etag)
      api.letters(complaintId).then(
        (items) => live && setLetters(items),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [api, complaintId, etag]);

  if (!view) {
    return loadProblem ? (
      <ProblemBar problem={loadProblem} onRetry={() => void reload()} />
    ) : (
      <Spinner size="small" label="Klacht laden…" />
    );
  }

  const allowed = view.allowedSteps as StepType[];
  const values = selected ? (drafts[selected] ?? {}) : {};

  async function submit(): Promise<void> {
    if (!selected || !view || inFlight.current) return;
    const built = buildStep(selected, values);
    if (!built.ok) return setErrors(built.errors);
    inFlight.current = true;
    setBusy(true);
    setErrors({});
    setProblem(null);
    setRecorded(null);
    try {
      const next = await api.recordStep(view.id, view.etag, built.step);
      setView(next);
      setStale(false);
      setDrafts((d) => ({ ...d, [selected]: {} }));
      setRecorded(selected);
      setSelected('');
    } catch (error) {
      const p = problemOf(error);
      if (p.status === 412) {
        // Someone else recorded a step meanwhile: show their version, keep what this handler typed.
        setStale(true);
        await reload();
      } else {
        setProblem(p);
        setErrors(Object.fromEntries(p.errors.map((e) => [e.field.split('.').pop() ?? e.field, e.message])));
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  return (
    <div className={styles.root}>
      <Card>
        <CardHeader
          header={
            <Text as="h2" weight="semibold" size={400}>
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
      <DossierDownload complaintId={view.id} number={view.number} load={(id) => api.dossier(id)} />
      <Divider />
      <LetterPreviews
        letters={letters}
        load={(seq) => api.letterPreview(view.id, seq)}
        saveNote={(seq, text) => api.saveLetterNote(view.id, seq, text)}
        retry={async (seq) => {
          await api.retryLetter(view.id, seq);
          setLetters(await api.letters(view.id));
        }}
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
        <MessageBar intent="success">
          <MessageBarBody>Vastgelegd.</MessageBarBody>
        </MessageBar>
      )}
      {problem && <ProblemBar problem={problem} />}
      {allowed.length === 0 ? (
        <Caption1>Er zijn nu geen stappen meer vast te leggen.</Caption1>
      ) : (
        <StepRecorder
          allowed={allowed}
          selected={selected}
          onSelect={(type) => {
            setSelected(type);
            setErrors({});
            setRecorded(null);
          }}
          values={values}
          onChange={(name, value) =>
            selected && setDrafts((d) => ({ ...d, [selected]: { ...(d[selected] ?? {}), [name]: value } }))
          }
          errors={errors}
          busy={busy}
          onSubmit={() => void submit()}
        />
      )}
      {stale && (
        <Button appearance="subtle" onClick={() => setStale(false)}>
          Melding sluiten
        </Button>
      )}
    </div>
  );
}
