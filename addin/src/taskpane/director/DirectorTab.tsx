import { useCallback, useState, type ReactNode } from 'react';
import { Field, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { TabStrip } from '../TabStrip';
import type { KlachtenApi } from '../../api/klachtenApi';
import { ProblemBar } from '../ProblemBar';
import { saveFile } from '../conversation/saveFile';
import { FileActions } from './FileActions';
import { KeyFigures } from './KeyFigures';
import { openDocument } from './openDocument';
import { Recommendations } from './Recommendations';
import { SettingsForm } from './SettingsForm';
import { useLoad } from './useLoad';
import { useSettingsForm } from './useSettingsForm';
import { WeeklySummaryCard } from './WeeklySummaryCard';
import { EscalationsList } from './EscalationsList';

/** The whole client: the lists added under the key figures need their own calls. */
export type DirectorApi = KlachtenApi;

export interface DirectorTabProps {
  api: DirectorApi;
  /** Saves a downloaded file; a prop so tests need no DOM download. */
  save?: (blob: Blob, fileName: string) => void;
  /** Shows the yearly report's HTML in a new window. */
  open?: (blob: Blob, fileName: string) => void;
  year?: number;
  /** Only the director changes the settings (the API refuses others). */
  canChangeSettings?: boolean;
  /** Lists shown under the key figures ("Aan u voorgelegd"). */
  children?: ReactNode;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

type Part = 'overview' | 'settings';

const PARTS: readonly { value: Part; label: string }[] = [
  { value: 'overview', label: 'Overzicht' },
  { value: 'settings', label: 'Instellingen' },
];

/** The director's desk: the figures, the weekly summary, the yearly report and recommendations, the export, the settings. */
export default function DirectorTab({
  api,
  save = saveFile,
  open = openDocument,
  year: initialYear,
  canChangeSettings = true,
  children,
}: DirectorTabProps) {
  const styles = useStyles();
  const thisYear = initialYear ?? new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [part, setPart] = useState<Part>('overview');

  return (
    <section className={styles.root} aria-label="Directeur">
      <TabStrip label="Onderdelen van de directeur" tabs={PARTS} value={part} onChange={setPart} />
      {/* Both stay mounted, so what was typed in the settings survives a look at the overview. */}
      <div hidden={part !== 'overview'} className={part === 'overview' ? styles.part : undefined}>
        <Overview
          api={api}
          save={save}
          open={open}
          year={year}
          years={[thisYear, thisYear - 1, thisYear - 2]}
          onYear={setYear}
        >
          {children}
        </Overview>
      </div>
      <div hidden={part !== 'settings'} className={part === 'settings' ? styles.part : undefined}>
        <Settings api={api} readOnly={!canChangeSettings} />
      </div>
    </section>
  );
}

function Settings({ api, readOnly }: { api: DirectorApi; readOnly: boolean }) {
  const load = useCallback(() => api.settings(), [api]);
  const store = useCallback(
    (etag: string, settings: Parameters<DirectorApi['saveSettings']>[1]) => api.saveSettings(etag, settings),
    [api],
  );
  const form = useSettingsForm({ load, save: store });
  return <SettingsForm form={form} readOnly={readOnly} />;
}

function Overview({
  api,
  save,
  open,
  year,
  years,
  onYear,
  children,
}: {
  api: DirectorApi;
  save: (blob: Blob, fileName: string) => void;
  open: (blob: Blob, fileName: string) => void;
  year: number;
  years: number[];
  onYear: (year: number) => void;
  children?: ReactNode;
}) {
  const figures = useLoad(
    useCallback(() => api.yearlyFigures(year), [api, year]),
    'De kerncijfers',
  );
  const weekly = useLoad(
    useCallback(() => api.weeklySummary(), [api]),
    'Het weekoverzicht',
  );
  return (
    <>
      <Field label="Jaar">
        <Select value={String(year)} onChange={(_, d) => onYear(Number(d.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      {figures.kind === 'loading' && <Spinner size="small" label="Kerncijfers laden…" />}
      {figures.kind === 'failed' && <ProblemBar problem={figures.problem} onRetry={figures.reload} />}
      {figures.kind === 'loaded' && <KeyFigures figures={figures.value} />}
      {/* The lists put before the director ("Aan u voorgelegd") come here, under the key figures. */}
      <EscalationsList api={api} />
      {children}
      {weekly.kind === 'loading' && <Spinner size="small" label="Weekoverzicht laden…" />}
      {weekly.kind === 'failed' && <ProblemBar problem={weekly.problem} onRetry={weekly.reload} />}
      {weekly.kind === 'loaded' && <WeeklySummaryCard summary={weekly.value} />}
      <FileActions
        heading={`Jaarrapport ${year}`}
        description="De jaaranalyse met grafieken en uw aanbevelingen; de gegevens ook als Excel."
        what="Het jaarrapport"
        actions={[
          {
            label: 'Jaarrapport openen',
            run: async () => {
              const file = await api.yearlyReportFile(year, 'html');
              open(file.blob, file.fileName);
            },
          },
          {
            label: 'Jaarrapport als Excel',
            run: async () => {
              const file = await api.yearlyReportFile(year, 'xlsx');
              save(file.blob, file.fileName);
            },
          },
        ]}
      />
      {figures.kind === 'loaded' && (
        <Recommendations
          key={year}
          year={year}
          notes={figures.value.notes}
          measures={figures.value.measures.lines}
          onSave={(text, carried) => api.saveRecommendations(year, text, carried)}
        />
      )}
      <FileActions
        heading="Registerexport"
        description={`Voor de auditor: alle klachten van ${year} met de registergegevens.`}
        what="De export van het register"
        actions={(['csv', 'xlsx'] as const).map((format) => ({
          label: format === 'csv' ? 'Download CSV' : 'Download Excel',
          run: async () => {
            const file = await api.exportRegister(year, format);
            save(file.blob, file.fileName);
          },
        }))}
      />
    </>
  );
}
