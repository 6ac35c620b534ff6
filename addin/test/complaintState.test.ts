import { ApiProblem } from '../src/api/problem';
import { complaintReducer, initialComplaintState, nextSteps } from '../src/taskpane/model/complaintState';
import { channelOf } from '../src/taskpane/complaint/useComplaint';
import { complaintView } from './fakes';

const start = initialComplaintState(complaintView());

describe('the complaint panel reducer', () => {
  test('typing belongs to the chosen step and survives choosing another', () => {
    let s = complaintReducer(start, { type: 'select', step: 'decisionTaken' });
    s = complaintReducer(s, { type: 'edit', name: 'summary', value: 'Gecrediteerd' });
    s = complaintReducer(s, { type: 'select', step: 'escalated' });
    s = complaintReducer(s, { type: 'select', step: 'decisionTaken' });
    expect(s.drafts.decisionTaken).toEqual({ summary: 'Gecrediteerd' });
    expect(complaintReducer(start, { type: 'edit', name: 'x', value: 'y' })).toBe(start);
  });

  test('closing waits for confirmation; recording clears the draft and the question', () => {
    let s = complaintReducer(start, { type: 'select', step: 'closed' });
    s = complaintReducer(s, { type: 'confirmClose' });
    expect(s.confirmingClose).toBe(true);
    expect(complaintReducer(s, { type: 'cancelClose' }).confirmingClose).toBe(false);
    s = complaintReducer(s, { type: 'started' });
    const closed = complaintView({ status: 'closed', etag: 'W/"2"' });
    s = complaintReducer(s, { type: 'recorded', view: closed, step: 'closed' });
    expect(s).toMatchObject({
      view: closed,
      confirmingClose: false,
      busy: false,
      recorded: 'closed',
      selected: '',
    });
  });

  test('a refusal keeps the draft, ends the question and maps field errors by their last segment', () => {
    let s = complaintReducer(start, { type: 'select', step: 'closed' });
    s = complaintReducer(s, { type: 'edit', name: 'on', value: '2026-05-25' });
    s = complaintReducer(s, { type: 'confirmClose' });
    const problem = new ApiProblem(409, 'reactionPending', 'Nog geen reactie.', [
      { field: 'step.on', message: 'Te vroeg.' },
    ]);
    s = complaintReducer(s, { type: 'failed', problem });
    expect(s).toMatchObject({ problem, confirmingClose: false, errors: { on: 'Te vroeg.' } });
    expect(s.drafts.closed).toEqual({ on: '2026-05-25' });
  });

  test('a stale version keeps what was typed', () => {
    let s = complaintReducer(start, { type: 'select', step: 'decisionTaken' });
    s = complaintReducer(s, { type: 'edit', name: 'summary', value: 'x' });
    s = complaintReducer(s, { type: 'stale' });
    expect(s).toMatchObject({ stale: true, busy: false, drafts: { decisionTaken: { summary: 'x' } } });
    expect(complaintReducer(s, { type: 'dismissStale' }).stale).toBe(false);
  });
});

test('the usual next steps are those the API named for the stage; the rest is "Andere stap"', () => {
  const decide = { type: 'decisionTaken', due: { deadline: 'resolveBy' as const, on: '2026-07-01' } };
  expect(
    nextSteps({ allowedSteps: ['acknowledged', 'decisionTaken', 'escalated'], nextSteps: [decide] }),
  ).toEqual({ usual: [decide], other: ['acknowledged', 'escalated'] });
  const react = { type: 'agreementRecorded', due: { deadline: 'reactionBy' as const, on: '2026-06-10' } };
  expect(
    nextSteps({
      allowedSteps: ['agreementRecorded', 'closed', 'extensionDetermined'],
      nextSteps: [react, { type: 'closed' }],
    }),
  ).toEqual({ usual: [react, { type: 'closed' }], other: ['extensionDetermined'] });
  // A usual step the complaint no longer allows (an older answer) is not offered.
  expect(nextSteps({ allowedSteps: ['reassigned'], nextSteps: [decide] })).toEqual({
    usual: [],
    other: ['reassigned'],
  });
});

test('a step reaches the complainant by an Outlook form where the host has it, else by letter', () => {
  const forms = (reply: boolean, appointment: boolean) => ({
    canOpenReply: () => reply,
    canOpenAppointment: () => appointment,
    openReply: () => undefined,
    openAppointment: () => undefined,
  });
  expect(channelOf('informationRequested', forms(true, false))).toBe('reply');
  expect(channelOf('informationRequested', undefined)).toBe('letter');
  expect(channelOf('clarificationMeetingScheduled', forms(false, true))).toBe('appointment');
  expect(channelOf('meetingScheduled', forms(true, false))).toBe('letter');
  expect(channelOf('decisionTaken', forms(true, true))).toBeNull();
});
