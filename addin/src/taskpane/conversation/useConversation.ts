import { useCallback, useEffect, useState } from 'react';
import type { ConversationEntry } from '../../api/conversationApi';
import type { KlachtenApi } from '../../api/klachtenApi';
import { ApiProblem, toApiProblem } from '../../api/problem';

export type ConversationState =
  | { kind: 'loading' }
  | { kind: 'loaded'; entries: ConversationEntry[] }
  | { kind: 'failed'; problem: ApiProblem };

/** The text of a message, opened in the list: an e-mail's kept text, a letter's text from its preview. */
export type OpenedText = { seq: string; text: string } | { seq: string; problem: ApiProblem };

/** Newest first, as a mail client lists a conversation. */
export const newestFirst = (entries: readonly ConversationEntry[]): ConversationEntry[] =>
  [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.seq.localeCompare(a.seq)));

/** A letter's number in `/letters/{seq}` from its conversation seq (`L2` → 2). */
export const letterSeqOf = (seq: string): number | undefined =>
  /^L\d+$/.test(seq) ? Number(seq.slice(1)) : undefined;

/**
 * The complaint's conversation: loaded when the complaint is shown and again whenever it changed (its ETag),
 * or on request; a letter's text on request; an original as a download.
 */
export function useConversation(
  api: Pick<KlachtenApi, 'conversation' | 'originalMessage' | 'letterPreview' | 'messageText'>,
  complaintId: string,
  etag?: string,
) {
  const [state, setState] = useState<ConversationState>({ kind: 'loading' });
  const [opened, setOpened] = useState<OpenedText | null>(null);
  const [downloadProblem, setDownloadProblem] = useState<ApiProblem | null>(null);

  const reload = useCallback(async () => {
    try {
      setState({ kind: 'loaded', entries: newestFirst(await api.conversation(complaintId)) });
    } catch (error) {
      setState({ kind: 'failed', problem: toApiProblem(error, 'Het gesprek kon niet worden geladen.') });
    }
  }, [api, complaintId]);

  useEffect(() => {
    void reload();
  }, [reload, etag]);

  const openText = useCallback(
    async (seq: string) => {
      if (opened?.seq === seq) return setOpened(null);
      const letter = letterSeqOf(seq);
      try {
        const text =
          letter === undefined
            ? await api.messageText(complaintId, seq)
            : (await api.letterPreview(complaintId, letter)).text;
        setOpened({ seq, text });
      } catch (error) {
        setOpened({ seq, problem: toApiProblem(error, 'De tekst kon niet worden geladen.') });
      }
    },
    [api, complaintId, opened],
  );

  const download = useCallback(
    async (entry: ConversationEntry, save: (blob: Blob, fileName: string) => void) => {
      setDownloadProblem(null);
      try {
        save(await api.originalMessage(complaintId, entry.seq), `bericht-${entry.seq}.eml`);
      } catch (error) {
        setDownloadProblem(toApiProblem(error, 'Het originele bericht kon niet worden gedownload.'));
      }
    },
    [api, complaintId],
  );

  return { state, reload, opened, openText, download, downloadProblem };
}
