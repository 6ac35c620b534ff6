import type { ComplaintView } from '../../../../domain/src/api/complaintView';
import type { StepType } from '../../../../domain/src/steps';
import type { ApiProblem } from '../../api/problem';
import type { DraftValues } from './stepFields';

/** The complaint panel's state: the complaint, the step being typed, and what the last attempt answered. */
export interface ComplaintState {
  view: ComplaintView | undefined;
  loadProblem: ApiProblem | null;
  selected: StepType | '';
  /** What was typed per step type; kept when another step is chosen or someone else changed the complaint. */
  drafts: Partial<Record<StepType, DraftValues>>;
  errors: Record<string, string>;
  problem: ApiProblem | null;
  /** Someone else changed the complaint: the newest version is shown, the draft kept. */
  stale: boolean;
  /** The step just recorded (its result message takes the focus). */
  recorded: StepType | null;
  /** What the pane did along with the step (an Outlook form opened, a letter instead). */
  recordedNote: string | null;
  busy: boolean;
  /** "Afgesloten" waits for the handler's confirmation. */
  confirmingClose: boolean;
}

export type ComplaintAction =
  | { type: 'loaded'; view: ComplaintView }
  | { type: 'loadFailed'; problem: ApiProblem }
  | { type: 'select'; step: StepType | '' }
  | { type: 'edit'; name: string; value: string }
  | { type: 'invalid'; errors: Record<string, string> }
  | { type: 'confirmClose' }
  | { type: 'cancelClose' }
  | { type: 'started' }
  | { type: 'recorded'; view: ComplaintView; step: StepType; note?: string }
  | { type: 'stale' }
  | { type: 'failed'; problem: ApiProblem }
  | { type: 'dismissStale' };

export const initialComplaintState = (view: ComplaintView | undefined): ComplaintState => ({
  view,
  loadProblem: null,
  selected: '',
  drafts: {},
  errors: {},
  problem: null,
  stale: false,
  recorded: null,
  recordedNote: null,
  busy: false,
  confirmingClose: false,
});

/** The state transitions of the complaint panel; pure. */
export function complaintReducer(state: ComplaintState, action: ComplaintAction): ComplaintState {
  switch (action.type) {
    case 'loaded':
      return { ...state, view: action.view, loadProblem: null };
    case 'loadFailed':
      return { ...state, loadProblem: action.problem };
    case 'select':
      return {
        ...state,
        selected: action.step,
        errors: {},
        recorded: null,
        recordedNote: null,
        problem: null,
      };
    case 'edit': {
      const step = state.selected;
      if (!step) return state;
      const draft = { ...(state.drafts[step] ?? {}), [action.name]: action.value };
      return { ...state, drafts: { ...state.drafts, [step]: draft } };
    }
    case 'invalid':
      return { ...state, errors: action.errors, confirmingClose: false };
    case 'confirmClose':
      return { ...state, confirmingClose: true, errors: {}, problem: null };
    case 'cancelClose':
      return { ...state, confirmingClose: false };
    case 'started':
      return { ...state, busy: true, errors: {}, problem: null, recorded: null, recordedNote: null };
    case 'recorded':
      return {
        ...state,
        view: action.view,
        busy: false,
        stale: false,
        confirmingClose: false,
        drafts: { ...state.drafts, [action.step]: {} },
        recorded: action.step,
        recordedNote: action.note ?? null,
        selected: '',
      };
    case 'stale':
      return { ...state, busy: false, stale: true, confirmingClose: false };
    case 'failed':
      return {
        ...state,
        busy: false,
        confirmingClose: false,
        problem: action.problem,
        errors: Object.fromEntries(
          action.problem.errors.map((e) => [e.field.split('.').pop() ?? e.field, e.message]),
        ),
      };
    case 'dismissStale':
      return { ...state, stale: false };
  }
}

export interface NextSteps {
  /** The usual next step(s) of the complaint's stage, as the API derived them, with their deadlines. */
  usual: ComplaintView['nextSteps'];
  other: StepType[];
}

/**
 * Splits the allowed steps into the usual next one(s) the API named for the complaint's stage and the rest
 * ("Andere stap"). A usual step that is not allowed (an older answer) is left out.
 */
export function nextSteps(view: Pick<ComplaintView, 'allowedSteps' | 'nextSteps'>): NextSteps {
  const allowed = view.allowedSteps as StepType[];
  const usual = (view.nextSteps ?? []).filter((n) => allowed.includes(n.type as StepType));
  return { usual, other: allowed.filter((s) => !usual.some((n) => n.type === s)) };
}
