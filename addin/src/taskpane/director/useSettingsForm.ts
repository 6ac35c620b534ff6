import { useCallback, useEffect, useState } from 'react';
import type { OrganisationSettings } from '../../../../domain/src/organisationSettings';
import type { SavedSettingsView, SettingsView } from '../../api/deskApi';
import { ApiProblem, toApiProblem } from '../../api/problem';
import {
  FIELD_LABELS,
  fieldOfServerName,
  fromDraft,
  mergeDraft,
  toDraft,
  type DraftField,
  type SettingsDraft,
} from './settingsDraft';

export interface SettingsFormDeps {
  load: () => Promise<SettingsView>;
  save: (etag: string, settings: OrganisationSettings) => Promise<SavedSettingsView>;
}

export type SettingsNote = { intent: 'success' | 'warning' | 'error'; text: string };

export interface SettingsForm {
  view: SettingsView | null;
  draft: SettingsDraft | null;
  errors: Partial<Record<DraftField, string>>;
  note: SettingsNote | null;
  loadProblem: ApiProblem | null;
  saving: boolean;
  dirty: boolean;
  set: <K extends DraftField>(field: K, value: SettingsDraft[K]) => void;
  save: () => Promise<void>;
  reload: () => void;
}

const STALE =
  'Iemand anders heeft de instellingen intussen gewijzigd. De nieuwe versie is geladen; wat u had ingevuld staat er nog. Controleer het en sla opnieuw op.';

/** The settings form's state: the version it is based on, what was typed, and the save with `If-Match`. */
export function useSettingsForm({ load, save }: SettingsFormDeps): SettingsForm {
  const [view, setView] = useState<SettingsView | null>(null);
  const [base, setBase] = useState<SettingsDraft | null>(null);
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<DraftField, string>>>({});
  const [note, setNote] = useState<SettingsNote | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    setLoadProblem(null);
    load().then(
      (v) => {
        if (!live) return;
        setView(v);
        setBase(toDraft(v.settings));
        setDraft(toDraft(v.settings));
      },
      (error: unknown) =>
        live && setLoadProblem(toApiProblem(error, 'De instellingen konden niet worden geladen.')),
    );
    return () => {
      live = false;
    };
  }, [load, round]);

  const set = useCallback(<K extends DraftField>(field: K, value: SettingsDraft[K]) => {
    setDraft((d) => (d ? { ...d, [field]: value } : d));
    setErrors((e) => {
      if (!(field in e)) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  }, []);

  async function submit(): Promise<void> {
    if (!view || !draft || !base) return;
    setNote(null);
    const checked = fromDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setNote({
        intent: 'error',
        text: 'Niet alle instellingen zijn goed ingevuld. Kijk bij de gemarkeerde velden.',
      });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const saved = await save(view.etag, checked.settings);
      setView(saved);
      setBase(toDraft(saved.settings));
      setDraft(toDraft(saved.settings));
      const moved = saved.deadlinesMoved;
      setNote({
        intent: 'success',
        text:
          `Instellingen opgeslagen (versie ${saved.version}).` +
          (moved > 0
            ? ` Bij ${moved} ${moved === 1 ? 'klacht is' : 'klachten zijn'} de termijnen aangepast.`
            : ''),
      });
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        try {
          const fresh = await load();
          const merged = mergeDraft(base, draft, toDraft(fresh.settings));
          setView(fresh);
          setBase(toDraft(fresh.settings));
          setDraft(merged.draft);
          setNote({
            intent: 'warning',
            text:
              STALE +
              (merged.conflicts.length > 0
                ? ` Ook de ander wijzigde: ${merged.conflicts.map((f) => FIELD_LABELS[f]).join(', ')}.`
                : ''),
          });
        } catch {
          setNote({ intent: 'error', text: STALE });
        }
      } else if (error instanceof ApiProblem && error.status === 400 && error.errors.length > 0) {
        const fieldErrors: Partial<Record<DraftField, string>> = {};
        for (const e of error.errors) {
          const field = fieldOfServerName(e.field);
          if (field) fieldErrors[field] = e.message;
        }
        setErrors(fieldErrors);
        setNote({ intent: 'error', text: error.title });
      } else {
        setNote({
          intent: 'error',
          text: toApiProblem(error, 'De instellingen konden niet worden opgeslagen.').title,
        });
      }
    } finally {
      setSaving(false);
    }
  }

  const dirty = draft !== null && base !== null && JSON.stringify(draft) !== JSON.stringify(base);
  return {
    view,
    draft,
    errors,
    note,
    loadProblem,
    saving,
    dirty,
    set,
    save: submit,
    reload: () => setRound((r) => r + 1),
  };
}
