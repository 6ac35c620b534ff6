import { useEffect, useState } from 'react';
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { KlachtenApi, YearlyReport } from '../../api/klachtenApi';
import { ApiProblem } from '../../api/problem';
import { EscalationsList } from './EscalationsList';

export interface DirectorTabProps {
  api: KlachtenApi;
  /** Saves a downloaded file (an `<a download>` in the browser); a prop so tests need no DOM download. */
  save?: (blob: Blob, fileName: string) => void;
  year?: number;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  figures: { margin: 0, display: 'grid', gridTemplateColumns: '1fr auto', gap: tokens.spacingVerticalXS },
  dd: { margin: 0, textAlign: 'right' },
  text: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const calm = (what: string): string => `${what} is nog niet beschikbaar. Probeer het later opnieuw.`;

const describe = (error: unknown, what: string): string =>
  error instanceof ApiProblem
    ? error.status === 404
      ? calm(what)
      : error.title
    : `${what} kon niet worden geladen.`;

const LABELS: Record<string, string> = {
  received: 'Ontvangen',
  registered: 'Geregistreerd',
  total: 'Totaal',
  open: 'Open',
  closed: 'Afgesloten',
  late: 'Te laat ingediend',
  inadmissible: 'Niet-ontvankelijk',
  onTime: 'Op tijd afgehandeld',
  overdue: 'Over de termijn',
  agreed: 'Overeenstemming',
  notAgreed: 'Geen overeenstemming',
  escalations: 'Voorgelegd aan directeur',
  extensions: 'Verlengingen',
  thirdPartyRulings: 'Bindende uitspraken',
  measures: 'Maatregelen',
};

/** Flattens the report into label/value rows: the API owns its shape, the pane shows what it gets. */
export function reportRows(report: YearlyReport, prefix = ''): { label: string; value: string }[] {
  const rows: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(report)) {
    const label = prefix ? `${prefix} — ${LABELS[key] ?? key}` : (LABELS[key] ?? key);
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      if (key === 'year' || key === 'recommendations') continue;
      rows.push({ label, value: String(value) });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      rows.push(...reportRows(value as YearlyReport, label));
    }
  }
  return rows;
}

function saveWithLink(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The director's tab: this year's figures and analysis (R16) and the register export for an auditor. */
export default function DirectorTab({ api, save = saveWithLink, year: initialYear }: DirectorTabProps) {
  const styles = useStyles();
  const thisYear = initialYear ?? new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [report, setReport] = useState<YearlyReport | null>(null);
  const [reportNote, setReportNote] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exportNote, setExportNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setReport(null);
    setReportNote(null);
    api.yearlyReport(year).then(
      (r) => live && setReport(r),
      (error: unknown) => live && setReportNote(describe(error, 'Het jaaroverzicht')),
    );
    return () => {
      live = false;
    };
  }, [api, year]);

  async function download(format: 'csv' | 'xlsx'): Promise<void> {
    setExporting(format);
    setExportNote(null);
    try {
      const file = await api.exportRegister(year, format);
      save(file.blob, file.fileName);
    } catch (error) {
      setExportNote(describe(error, 'De export van het register'));
    } finally {
      setExporting(null);
    }
  }

  const recommendations = report?.['recommendations'];
  return (
    <section className={styles.root} aria-label="Directeur">
      <EscalationsList api={api} />
      <Field label="Jaar">
        <Select value={String(year)} onChange={(_, d) => setYear(Number(d.value))}>
          {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
      <Text as="h2" weight="semibold" size={400}>
        Jaaroverzicht {year}
      </Text>
      {!report && !reportNote && <Spinner size="small" label="Cijfers laden…" />}
      {reportNote && (
        <MessageBar intent="info">
          <MessageBarBody>{reportNote}</MessageBarBody>
        </MessageBar>
      )}
      {report && (
        <dl className={styles.figures} aria-label={`Cijfers ${year}`}>
          {reportRows(report).map((row) => [
            <dt key={`${row.label}-t`}>{row.label}</dt>,
            <dd key={`${row.label}-d`} className={styles.dd}>
              {row.value}
            </dd>,
          ])}
        </dl>
      )}
      {Array.isArray(recommendations) && recommendations.length > 0 && (
        <>
          <Text as="h3" weight="semibold">
            Aanbevelingen
          </Text>
          <ul>
            {recommendations.map((r, i) => (
              <li key={i} className={styles.text}>
                {typeof r === 'string' ? r : JSON.stringify(r)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Text as="h2" weight="semibold" size={400}>
        Registerexport
      </Text>
      <Caption1>Voor de auditor: alle klachten van {year} met de registergegevens.</Caption1>
      <div className={styles.actions}>
        <Button disabled={exporting !== null} onClick={() => void download('csv')}>
          {exporting === 'csv' ? 'Bezig…' : 'Download CSV'}
        </Button>
        <Button disabled={exporting !== null} onClick={() => void download('xlsx')}>
          {exporting === 'xlsx' ? 'Bezig…' : 'Download Excel'}
        </Button>
      </div>
      {exportNote && (
        <MessageBar intent="info">
          <MessageBarBody>{exportNote}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
