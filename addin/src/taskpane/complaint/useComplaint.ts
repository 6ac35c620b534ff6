import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import type { StepInput, StepType } from '../../../../domain/src/steps';
import type { KlachtenApi, SimilarComplaint } from '../../api/klachtenApi';
import { toApiProblem } from '../../api/problem';
import { complaintReducer, initialComplaintState } from '../model/complaintState';
import { informationRequestReply, meetingInvitation, type OutlookForms } from '../model/outlookForms';
import { buildStep } from '../model/stepFields';
import type { LetterRef } from './LetterPreviews';

/** What a step does in Outlook, and what happens where Outlook cannot: a letter goes out instead. */
export type StepChannel = 'reply' | 'appointment' | 'letter' | null;

/** How the chosen step reaches the complainant in this host. */
export function channelOf(step: StepType | '', forms: OutlookForms | undefined): StepChannel {
  if (step === 'informationRequested') return forms?.canOpenReply() ? 'reply' : 'letter';
  if (step === 'meetingScheduled' || step === 'clarificationMeetingScheduled')
    return forms?.canOpenAppointment() ? 'appointment' : 'letter';
  return null;
}

/** The complaint panel's state and behaviour: load, choose and type a step, confirm closing, record. */
export function useComplaint(
  api: KlachtenApi,
  complaintId: string,
  initial: ComplaintView | undefined,
  forms?: OutlookForms,
) {
  const [state, dispatch] = useReducer(complaintReducer, initial, initialComplaintState);
  const inFlight = useRef(false);
  const [similar, setSimilar] = useState<SimilarComplaint[]>([]);
  const [letters, setLetters] = useState<LetterRef[]>([]);
  /** A letter opened from a message ("bekijken", "aanpassen"); the token makes a second click open it again. */
  const [openedLetter, setOpenedLetter] = useState<{ seq: number; token: number }>();

  const reload = useCallback(async (): Promise<ComplaintView | undefined> => {
    try {
      const fresh = await api.getComplaint(complaintId);
      dispatch({ type: 'loaded', view: fresh });
      return fresh;
    } catch (error) {
      dispatch({ type: 'loadFailed', problem: toApiProblem(error) });
      return undefined;
    }
  }, [api, complaintId]);

  useEffect(() => {
    if (!initial) void reload();
  }, [initial, reload]);

  useEffect(() => {
    let live = true;
    // Earlier decided complaints of the same complainant; an endpoint that is not there is no error.
    api.similar(complaintId).then(
      (items) => live && setSimilar(items.filter((s) => s.id !== complaintId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, complaintId]);

  const etag = state.view?.etag;
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

  // A letter waiting for a set time ("gaat om 14:05 de deur uit"): list the letters again once it should have
  // gone (the sender runs every minute), so the pane does not keep announcing a time that has passed.
  useEffect(() => {
    const now = Date.now();
    const ahead = letters
      .flatMap((l) => (l.status === 'queued' && l.sendsAt ? [Date.parse(l.sendsAt)] : []))
      .filter((t) => t > now);
    if (ahead.length === 0) return;
    const wait = Math.min(Math.min(...ahead) - now + 65_000, 24 * 60 * 60_000);
    const timer = setTimeout(() => {
      api.letters(complaintId).then(setLetters, () => undefined);
    }, wait);
    return () => clearTimeout(timer);
  }, [api, complaintId, letters]);

  const { view, selected, drafts, confirmingClose } = state;
  const values = selected ? (drafts[selected] ?? {}) : {};
  const channel = channelOf(selected, forms);

  async function submit(): Promise<void> {
    if (!selected || !view || inFlight.current) return;
    const built = buildStep(selected, values);
    if (!built.ok) return dispatch({ type: 'invalid', errors: built.errors });
    // Closing is final: the handler sees the register fields and confirms first.
    if (selected === 'closed' && !confirmingClose) return dispatch({ type: 'confirmClose' });
    let step: StepInput = built.step;
    if (channel === 'letter') {
      if (selected === 'informationRequested' && !(values['note'] ?? '').trim())
        return dispatch({
          type: 'invalid',
          errors: { note: 'Schrijf hier de vragen aan de klager: ze gaan per brief.' },
        });
      step = { ...step, viaLetter: true } as StepInput;
    }
    inFlight.current = true;
    dispatch({ type: 'started' });
    try {
      const next = await api.recordStep(view.id, view.etag, step);
      const note = openForm(next, selected, values);
      dispatch({ type: 'recorded', view: next, step: selected, ...(note ? { note } : {}) });
    } catch (error) {
      const problem = toApiProblem(error);
      if (problem.status === 412) {
        // Someone else recorded a step meanwhile: show their version, keep what this handler typed.
        dispatch({ type: 'stale' });
        await reload();
      } else {
        dispatch({ type: 'failed', problem });
      }
    } finally {
      inFlight.current = false;
    }
  }

  /** After the step is recorded: the Outlook form it prepares; answers what the handler should know. */
  function openForm(next: ComplaintView, type: StepType, typed: Record<string, string>): string | undefined {
    if (channel === 'letter')
      return 'Er gaat een brief naar de klager (deze Outlook-versie kan het bericht niet openen).';
    try {
      if (channel === 'reply') {
        forms?.openReply(informationRequestReply(next, typed['note'] ?? ''));
        return 'Het antwoord aan de klager staat klaar in Outlook: vul het aan en verstuur het.';
      }
      if (channel === 'appointment') {
        forms?.openAppointment(
          meetingInvitation(
            next,
            typed['meetingOn'] ?? '',
            type === 'clarificationMeetingScheduled',
            typed['note'],
          ),
        );
        return 'De uitnodiging staat klaar in Outlook: controleer de tijd en verstuur haar.';
      }
    } catch {
      return 'Outlook kon het bericht niet openen. Stuur de klager zelf een bericht.';
    }
    return undefined;
  }

  return {
    ...state,
    values,
    channel,
    similar,
    letters,
    openedLetter,
    openLetter: (seq: number) => setOpenedLetter((o) => ({ seq, token: (o?.token ?? 0) + 1 })),
    reload,
    select: (step: StepType | '') => dispatch({ type: 'select', step }),
    edit: (name: string, value: string) => dispatch({ type: 'edit', name, value }),
    submit,
    cancelClose: () => dispatch({ type: 'cancelClose' }),
    dismissStale: () => dispatch({ type: 'dismissStale' }),
    refreshLetters: async () => setLetters(await api.letters(complaintId)),
    setView: (next: ComplaintView) => dispatch({ type: 'loaded', view: next }),
  };
}
