import { useId } from 'react';
import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import type { ConversationEntry } from '../../api/conversationApi';
import type { KlachtenApi } from '../../api/klachtenApi';
import { ProblemBar } from '../ProblemBar';
import { formatDateTime } from '../model/dates';
import { saveFile } from './saveFile';
import { useConversation } from './useConversation';

export interface ConversationListProps {
  api: Pick<KlachtenApi, 'conversation' | 'originalMessage' | 'letterPreview' | 'messageText'>;
  complaintId: string;
  /** The complaint's version: the list reloads when it changes. */
  etag?: string | undefined;
  /** "Nieuw bericht van de klager", as the complaint showed it when it was loaded. */
  newMessage?: ComplaintView['newMessage'];
  /** Saves a download; a prop so tests can see what would be saved. */
  save?: (blob: Blob, fileName: string) => void;
}

const sourceText: Record<ConversationEntry['source'], string> = {
  registered: 'de klacht',
  linked: 'gekoppeld',
  captured: 'automatisch ontvangen',
  letter: 'brief',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    wordBreak: 'break-word',
  },
  fresh: { borderLeftColor: tokens.colorBrandStroke1 },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  text: {
    whiteSpace: 'pre-wrap',
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: tokens.spacingHorizontalS,
  },
});

/**
 * The complaint's messages and letters in one list, newest first: in or out, when, subject, who; a letter's
 * or an e-mail's text can be opened, a kept original downloaded. New messages of the complainant are marked.
 */
export function ConversationList({
  api,
  complaintId,
  etag,
  newMessage,
  save = saveFile,
}: ConversationListProps) {
  const styles = useStyles();
  const headingId = useId();
  const { state, reload, opened, openText, download, downloadProblem } = useConversation(
    api,
    complaintId,
    etag,
  );

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.head}>
        <Text as="h3" id={headingId} weight="semibold" size={300}>
          Gesprek
        </Text>
        <Button size="small" appearance="subtle" onClick={() => void reload()}>
          Gesprek vernieuwen
        </Button>
      </div>
      {newMessage && newMessage.count > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>Nieuw bericht van de klager</MessageBarTitle>
            {newMessage.count === 1 ? '1 nieuw bericht' : `${newMessage.count} nieuwe berichten`} sinds{' '}
            {formatDateTime(newMessage.since)}.
          </MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'loading' && <Spinner size="tiny" label="Gesprek laden…" />}
      {state.kind === 'failed' && <ProblemBar problem={state.problem} onRetry={() => void reload()} />}
      {downloadProblem && <ProblemBar problem={downloadProblem} />}
      {state.kind === 'loaded' && state.entries.length === 0 && <Caption1>Nog geen berichten.</Caption1>}
      {state.kind === 'loaded' && state.entries.length > 0 && (
        <ol className={styles.list} aria-label="Berichten, nieuwste eerst">
          {state.entries.map((entry) => {
            const isNew =
              !!newMessage &&
              entry.direction === 'in' &&
              entry.source !== 'registered' &&
              entry.at >= newMessage.since;
            const textId = `${headingId}-text-${entry.seq}`;
            const open = opened?.seq === entry.seq;
            return (
              <li
                key={entry.seq}
                className={`${styles.entry} ${isNew ? styles.fresh : ''}`}
                aria-label={`${entry.direction === 'in' ? 'Ontvangen' : 'Verzonden'}: ${entry.subject}`}
              >
                <span className={styles.line}>
                  <Badge appearance="tint" color={entry.direction === 'in' ? 'informative' : 'success'}>
                    {entry.direction === 'in' ? 'Ontvangen' : 'Verzonden'}
                  </Badge>
                  <Caption1>{formatDateTime(entry.at)}</Caption1>
                  {isNew && (
                    <Badge appearance="filled" color="brand">
                      nieuw
                    </Badge>
                  )}
                </span>
                <Text weight="semibold">{entry.subject || '(geen onderwerp)'}</Text>
                <Caption1>
                  {entry.direction === 'in' ? 'Van' : 'Door'} {entry.from.name || entry.from.address} ·{' '}
                  {sourceText[entry.source]}
                </Caption1>
                <span className={styles.actions}>
                  <Button
                    size="small"
                    aria-expanded={open}
                    aria-controls={open ? textId : undefined}
                    onClick={() => void openText(entry.seq)}
                  >
                    {open ? 'Tekst verbergen' : 'Tekst tonen'}
                  </Button>
                  {entry.sha256 && (
                    <Button
                      size="small"
                      aria-label={`Origineel downloaden: ${entry.subject || 'bericht'}`}
                      onClick={() => void download(entry, save)}
                    >
                      Origineel downloaden
                    </Button>
                  )}
                </span>
                {open && opened && 'text' in opened && (
                  <pre id={textId} className={styles.text}>
                    {opened.text}
                  </pre>
                )}
                {open && opened && 'problem' in opened && <ProblemBar problem={opened.problem} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
