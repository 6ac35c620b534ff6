import { useState } from 'react';
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { YearlyFigures, YearlyNotes } from '../../api/deskApi';
import { toApiProblem } from '../../api/problem';
import { formatDate, formatDateTime } from '../model/dates';

export interface RecommendationsProps {
  year: number;
  notes: YearlyNotes | undefined;
  measures: YearlyFigures['measures']['lines'];
  onSave: (recommendations: string, measuresCarriedOut: string[]) => Promise<YearlyNotes>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  measures: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
});

/** The director's recommendations for the year and the measures confirmed as carried out, saved with the report. */
export function Recommendations({ year, notes, measures, onSave }: RecommendationsProps) {
  const styles = useStyles();
  const [text, setText] = useState(notes?.recommendations ?? '');
  const [carried, setCarried] = useState<Set<string>>(
    () => new Set(measures.filter((m) => m.carriedOut).map((m) => m.key)),
  );
  const [saved, setSaved] = useState<YearlyNotes | undefined>(notes);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  async function save(): Promise<void> {
    setBusy(true);
    setNote(null);
    try {
      const result = await onSave(text, [...carried].sort());
      setSaved(result);
      setNote({ intent: 'success', text: 'Aanbevelingen opgeslagen. Ze staan in het jaarrapport.' });
    } catch (error) {
      setNote({
        intent: 'error',
        text: toApiProblem(error, 'De aanbevelingen konden niet worden opgeslagen.').title,
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.root} aria-labelledby="aanbevelingen-kop">
      <Text as="h2" id="aanbevelingen-kop" weight="semibold" size={400}>
        Aanbevelingen {year}
      </Text>
      <Field label="Uw aanbevelingen voor het jaarrapport" hint="Komen in het jaarrapport, onder de cijfers.">
        <Textarea value={text} resize="vertical" rows={5} onChange={(_, d) => setText(d.value)} />
      </Field>
      {measures.length > 0 && (
        <fieldset className={styles.measures}>
          <legend>Maatregelen die zijn uitgevoerd</legend>
          {measures.map((m) => (
            <Checkbox
              key={m.key}
              label={`${m.number}, maatregel ${m.key.split('#')[1] ?? ''} (uiterlijk ${formatDate(m.dueOn)})`}
              checked={carried.has(m.key)}
              onChange={(_, d) =>
                setCarried((now) => {
                  const next = new Set(now);
                  if (d.checked) next.add(m.key);
                  else next.delete(m.key);
                  return next;
                })
              }
            />
          ))}
        </fieldset>
      )}
      <div>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {busy ? 'Bezig met opslaan…' : 'Aanbevelingen opslaan'}
        </Button>
      </div>
      {saved?.savedAt && (
        <Text size={200}>
          Laatst opgeslagen op {formatDateTime(saved.savedAt)} door {saved.savedBy}.
        </Text>
      )}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
