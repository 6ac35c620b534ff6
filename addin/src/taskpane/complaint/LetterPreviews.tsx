import { useEffect, useRef, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import type { LetterPreview } from '../../api/klachtenApi';
import { toApiProblem } from '../../api/problem';

import type { LetterSummary } from '../../api/klachtenApi';

export type LetterRef = LetterSummary;

export const LETTER_LABELS: Record<string, string> = {
  acknowledgement: 'Ontvangstbevestiging',
  extension: 'Verlenging',
  escalation: 'Voorgelegd aan directeur',
  inadmissibleLate: 'Niet-ontvankelijk (te laat)',
  inadmissibleRepeat: 'Niet-ontvankelijk (herhaalde klacht)',
  thirdPartyReferral: 'Onafhankelijke derde',
  outcome: 'Uitkomst',
};

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  frame: {
    width: '100%',
    minHeight: '240px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: '#ffffff',
  },
});

type Shown = { seq: number; preview?: LetterPreview; problem?: string; note?: string };

const problemText = (error: unknown, fallback: string): string =>
  toApiProblem(error, fallback, 'Het voorbeeld van deze brief is nog niet beschikbaar.').title;

/**
 * Previews of the complainant's letters. The letter's HTML is shown in a sandboxed frame without scripts
 * (the `sandbox` attribute with no permissions), so nothing in a complainant's text can run.
 */
export function LetterPreviews({
  letters,
  load,
  saveNote,
  retry,
  opened,
}: {
  letters: LetterRef[];
  /**
   * A letter to open from elsewhere in the pane ("bekijken", "aanpassen"): its preview opens and the focus
   * moves there, to the personal paragraph while the letter still waits. A new `token` opens it again.
   */
  opened?: { seq: number; token: number } | undefined;
  load: (seq: number) => Promise<LetterPreview>;
  /** While a letter waits: the handler's personal paragraph (the API answers the new preview). */
  saveNote: (seq: number, text: string) => Promise<LetterPreview>;
  /** A letter whose sending failed goes back in the queue. */
  retry: (seq: number) => Promise<void>;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionProblem, setActionProblem] = useState<{ seq: number; text: string } | null>(null);
  // Set when a letter was opened from elsewhere: once its preview is there, the focus goes to it.
  const focusPending = useRef(false);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const previewBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!opened) return;
    focusPending.current = true;
    void show(opened.seq);
  }, [opened?.token]); // only a new request opens a letter

  useEffect(() => {
    if (!focusPending.current || (!shown?.preview && !shown?.problem)) return;
    focusPending.current = false;
    (noteField.current ?? previewBox.current)?.focus();
  }, [shown]);

  if (letters.length === 0) return null;

  async function act(seq: number, action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setActionProblem(null);
    try {
      await action();
    } catch (error) {
      setActionProblem({ seq, text: problemText(error, 'Dat is niet gelukt. Probeer het opnieuw.') });
    } finally {
      setBusy(false);
    }
  }

  async function open(seq: number): Promise<void> {
    if (shown?.seq === seq) return setShown(null);
    await show(seq);
  }

  async function show(seq: number): Promise<void> {
    setShown({ seq });
    try {
      setShown({ seq, preview: await load(seq) });
    } catch (error) {
      setShown({ seq, problem: problemText(error, 'Het voorbeeld kon niet worden geladen.') });
    }
  }

  return (
    <section aria-labelledby="letters-heading">
      <Text as="h3" id="letters-heading" weight="semibold" size={300}>
        Brieven
      </Text>
      <ul className={styles.list}>
        {letters.map((letter) => (
          <li key={letter.seq}>
            <Button
              size="small"
              aria-expanded={shown?.seq === letter.seq}
              onClick={() => void open(letter.seq)}
            >
              Voorbeeld: {LETTER_LABELS[letter.kind] ?? letter.kind}
            </Button>
            {letter.statusLabel && <Caption1> {letter.statusLabel}</Caption1>}
            {letter.status === 'failed' && (
              <Button
                size="small"
                appearance="primary"
                disabled={busy}
                onClick={() => void act(letter.seq, () => retry(letter.seq))}
              >
                Opnieuw versturen
              </Button>
            )}
            {actionProblem?.seq === letter.seq && (
              <MessageBar intent="error">
                <MessageBarBody>{actionProblem.text}</MessageBarBody>
              </MessageBar>
            )}
            {shown?.seq === letter.seq && shown.problem && (
              <MessageBar intent="info" ref={previewBox} tabIndex={-1}>
                <MessageBarBody>{shown.problem}</MessageBarBody>
              </MessageBar>
            )}
            {shown?.seq === letter.seq && shown.preview && (
              <div
                ref={previewBox}
                tabIndex={-1}
                role="group"
                aria-label={`Voorbeeld: ${LETTER_LABELS[letter.kind] ?? letter.kind}`}
              >
                <Caption1 block>
                  Aan: {shown.preview.to.name} &lt;{shown.preview.to.address}&gt;
                </Caption1>
                <Text block weight="semibold">
                  {shown.preview.subject}
                </Text>
                <iframe
                  className={styles.frame}
                  title={`Voorbeeld van de brief: ${shown.preview.subject}`}
                  sandbox=""
                  srcDoc={shown.preview.html}
                />
                {shown.preview.status === 'queued' && (
                  <>
                    <Field label="Persoonlijke alinea (wordt in de brief opgenomen)">
                      <Textarea
                        ref={noteField}
                        value={shown.note ?? ''}
                        onChange={(_, d) => setShown({ ...shown, note: d.value })}
                        resize="vertical"
                      />
                    </Field>
                    <Button
                      size="small"
                      disabled={busy}
                      onClick={() =>
                        void act(letter.seq, async () => {
                          const preview = await saveNote(letter.seq, shown.note ?? '');
                          setShown({ ...shown, preview });
                        })
                      }
                    >
                      Alinea opslaan
                    </Button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
