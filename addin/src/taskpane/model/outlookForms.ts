import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import type { AppointmentDraft, ReplyDraft } from '../../office/compose';

/** What the pane may ask of Outlook for a step; absent where the pane runs without Outlook. */
export interface OutlookForms {
  canOpenReply(): boolean;
  canOpenAppointment(): boolean;
  openReply(draft: ReplyDraft): void;
  openAppointment(draft: AppointmentDraft): void;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const paragraphs = (lines: readonly string[]): string =>
  lines.map((l) => `<p>${escapeHtml(l).replace(/\n/g, '<br>')}</p>`).join('');

/** The prepared reply of "Informatie opgevraagd": Dutch, with the complaint's tag so the answer finds it. */
export function informationRequestReply(view: ComplaintView, questions: string): ReplyDraft {
  return {
    html: paragraphs([
      `Beste ${view.complainant.name},`,
      `Om uw klacht [${view.number}] goed te kunnen behandelen, hebben wij meer informatie van u nodig.`,
      questions.trim() || '…',
      `Wilt u bij uw antwoord het kenmerk [${view.number}] laten staan?`,
      `Met vriendelijke groet,\n${view.handler.name}`,
    ]),
  };
}

/** The prepared invitation of a meeting (or the clarification meeting) on `meetingOn`, 10:00–11:00. */
export function meetingInvitation(
  view: ComplaintView,
  meetingOn: string,
  clarification: boolean,
  note = '',
): AppointmentDraft {
  const [y = 0, m = 1, d = 1] = meetingOn.split('-').map(Number);
  const what = clarification ? 'Verduidelijkingsgesprek' : 'Afspraak';
  return {
    subject: `${what} over uw klacht [${view.number}]`,
    start: new Date(y, m - 1, d, 10, 0),
    end: new Date(y, m - 1, d, 11, 0),
    attendees: [view.complainant.address],
    body: [
      `Beste ${view.complainant.name},`,
      clarification
        ? 'Graag bespreken wij met u het voorstel waarmee u niet akkoord ging, om te zien of we er samen uitkomen.'
        : 'Graag spreken wij u over uw klacht.',
      ...(note.trim() ? [note.trim()] : []),
      `Met vriendelijke groet,\n${view.handler.name}`,
    ].join('\n\n'),
  };
}
