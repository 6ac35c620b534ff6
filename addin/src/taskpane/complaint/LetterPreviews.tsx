import { useState } from 'react';
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { LetterPreview } from '../../api/klachtenApi';
import { ApiProblem } from '../../api/problem';

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

type Shown = { seq: number; preview?: LetterPreview; problem?: string };

/**
 * Previews of the complainant's letters. The letter's HTML is shown in a sandboxed frame without scripts
 * (the `sandbox` attribute with no permissions), so nothing in a complainant's text can run.
 */
export function LetterPreviews({
  letters,
  load,
}: {
  letters: LetterRef[];
  load: (seq: number) => Promise<LetterPreview>;
}) {
  const styles = useStyles();
  const [shown, setShown] = useState<Shown | null>(null);
  if (letters.length === 0) return null;

  async function open(seq: number): Promise<void> {
    if (shown?.seq === seq) return setShown(null);
    setShown({ seq });
    try {
      setShown({ seq, preview: await load(seq) });
    } catch (error) {
      setShown({
        seq,
        problem:
          error instanceof ApiProblem && error.status === 404
            ? 'Het voorbeeld van deze brief is nog niet beschikbaar.'
            : error instanceof ApiProblem
              ? error.title
              : 'Het voorbeeld kon niet worden geladen.',
      });
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
            {shown?.seq === letter.seq && shown.problem && (
              <MessageBar intent="info">
                <MessageBarBody>{shown.problem}</MessageBarBody>
              </MessageBar>
            )}
            {shown?.seq === letter.seq && shown.preview && (
              <div>
                <Caption1 block>
                  Aan: {Array.isArray(shown.preview.to) ? shown.preview.to.join(', ') : shown.preview.to}
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
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
