import { useState } from 'react';
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { toApiProblem, type ApiProblem } from '../../api/problem';
import { ProblemBar } from '../ProblemBar';

export interface DescriptionEditorProps {
  description: string;
  /** Saves the new "Omschrijving"; rejects with the API's problem. */
  save: (description: string) => Promise<void>;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** "Omschrijving klacht": starts as the subject; the handler corrects it while the complaint is open. */
export function DescriptionEditor({ description, save }: DescriptionEditorProps) {
  const styles = useStyles();
  const [text, setText] = useState(description);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const changed = text.trim() !== description.trim();
  return (
    <form
      className={styles.root}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!changed || busy) return;
        setBusy(true);
        setProblem(null);
        setSaved(false);
        save(text.trim()).then(
          () => {
            setBusy(false);
            setSaved(true);
          },
          (error: unknown) => {
            setBusy(false);
            setProblem(toApiProblem(error, 'De omschrijving is niet opgeslagen. Probeer het opnieuw.'));
          },
        );
      }}
    >
      <Field label="Omschrijving" hint={saved && !changed ? 'Opgeslagen.' : undefined}>
        <Textarea value={text} resize="vertical" onChange={(_, d) => setText(d.value)} disabled={busy} />
      </Field>
      {problem && <ProblemBar problem={problem} />}
      {changed && (
        <Button type="submit" disabled={busy} aria-busy={busy}>
          Omschrijving opslaan
        </Button>
      )}
    </form>
  );
}
