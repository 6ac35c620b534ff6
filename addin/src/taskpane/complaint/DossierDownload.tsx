import { useState } from 'react';
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { DeskFile } from '../../api/deskApi';
import { toApiProblem } from '../../api/problem';
import { saveFile } from '../conversation/saveFile';

export interface DossierDownloadProps {
  complaintId: string;
  number: string;
  load: (complaintId: string) => Promise<DeskFile>;
  /** Saves the file; a prop so tests need no DOM download. */
  save?: (blob: Blob, fileName: string) => void;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
});

/** The complaint's whole dossier as one ZIP, for the independent third party or an auditor. */
export function DossierDownload({ complaintId, number, load, save = saveFile }: DossierDownloadProps) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function download(): Promise<void> {
    setBusy(true);
    setProblem(null);
    try {
      const file = await load(complaintId);
      save(file.blob, file.fileName === 'dossier.zip' ? `dossier-${number}.zip` : file.fileName);
    } catch (error) {
      const unavailable = 'Het dossier is nu niet beschikbaar. Probeer het later opnieuw.';
      setProblem(toApiProblem(error, unavailable, unavailable).title);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.root}>
      <Button disabled={busy} onClick={() => void download()}>
        {busy ? 'Dossier wordt samengesteld…' : 'Dossier downloaden'}
      </Button>
      <Caption1>Alle gegevens, brieven en e-mails van {number} in één ZIP-bestand.</Caption1>
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
