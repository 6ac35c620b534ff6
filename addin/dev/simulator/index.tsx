/**
 * Dev only: the Outlook simulator. A reading pane with the project's sample e-mails next to the real task
 * pane (in an iframe, as Outlook hosts it), a role switch for the local sign-in, and the mailbox of the Graph
 * sandbox: what the complainant received.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Body1,
  Caption1,
  Divider,
  FluentProvider,
  makeStyles,
  Select,
  Subtitle2,
  Text,
  tokens,
  webLightTheme,
  Label,
  Checkbox,
} from '@fluentui/react-components';
import { samples, type SampleEmail } from '../samples/samples';
import {
  defaultSimulatorIdentity,
  simulatorIdentityKey,
  type SimulatorIdentity,
} from '../../src/auth/localTokenProvider';
import { MailboxView } from './MailboxView';
import { ComplainantActions } from './ComplainantActions';

const identities: Record<SimulatorIdentity['role'], SimulatorIdentity> = {
  Medewerker: { role: 'Medewerker', name: 'Pieter Jansen', address: 'p.jansen@lagant-voorbeeld.nl' },
  Klachtbehandelaar: defaultSimulatorIdentity,
  Directeur: { role: 'Directeur', name: 'Willem de Graaf', address: 'w.degraaf@lagant-voorbeeld.nl' },
};

const listeners = new Set<() => void>();
let current: SampleEmail | null = null;
window.klachtenSimulator = {
  selected: () => current,
  subscribe: (l) => void listeners.add(l),
  mailboxVersion: () => new URLSearchParams(location.search).get('mailbox') ?? '1.13',
  formOpened: (form) => {
    window.klachtenOpenedForms = [...(window.klachtenOpenedForms ?? []), form];
  },
};

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: '300px 1fr auto',
    height: '100vh',
    fontFamily: tokens.fontFamilyBase,
  },
  list: {
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalS,
  },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    border: 'none',
    background: 'none',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  reading: {
    overflowY: 'auto',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  body: { whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontFamily: tokens.fontFamilyBase },
  side: { display: 'flex', flexDirection: 'column', borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  controls: {
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  divider: { flexGrow: 0 },
  pane: { border: 'none', flexGrow: 1 },
});

function readIdentity(): SimulatorIdentity {
  const stored = localStorage.getItem(simulatorIdentityKey);
  return stored ? (JSON.parse(stored) as SimulatorIdentity) : defaultSimulatorIdentity;
}

function Simulator() {
  const styles = useStyles();
  const [selectedId, setSelectedId] = useState<string | null>(
    () => decodeURIComponent(location.hash.slice(1)) || null,
  );
  const [identity, setIdentity] = useState<SimulatorIdentity>(readIdentity);
  const [paneKey, setPaneKey] = useState(0);
  // Pinned, Outlook keeps the pane open and raises ItemChanged; unpinned, it closes the pane and the user
  // opens it again for the next e-mail (here: the pane reloads).
  const [pinned, setPinned] = useState(true);
  const [arrived, setArrived] = useState<SampleEmail[]>([]);
  const inbox = useMemo(() => [...arrived, ...samples], [arrived]);
  const paneWidth = Number(new URLSearchParams(location.search).get('width') ?? 350);
  const selected = useMemo(() => inbox.find((s) => s.id === selectedId) ?? null, [inbox, selectedId]);
  const pinnedRef = useRef(pinned);
  pinnedRef.current = pinned;

  useEffect(() => {
    current = selected;
    if (selected) history.replaceState(null, '', `#${selected.id}`);
    if (pinnedRef.current) listeners.forEach((l) => l());
    else {
      listeners.clear();
      setPaneKey((k) => k + 1);
    }
  }, [selected]);

  function switchRole(role: SimulatorIdentity['role']): void {
    const next = identities[role];
    localStorage.setItem(simulatorIdentityKey, JSON.stringify(next));
    setIdentity(next);
    listeners.clear();
    setPaneKey((k) => k + 1); // reload the pane, as signing in as someone else would
  }

  return (
    <div className={styles.page}>
      <nav className={styles.list} aria-label="Postvak IN">
        <Subtitle2 as="h1">Postvak IN</Subtitle2>
        {inbox.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`${styles.item} ${s.id === selectedId ? styles.selected : ''}`}
            aria-pressed={s.id === selectedId}
            data-sample={s.id}
            onClick={() => setSelectedId(s.id)}
          >
            <Text block weight="semibold" truncate wrap={false}>
              {s.from.name}
            </Text>
            <Caption1 block truncate wrap={false}>
              {s.subject}
            </Caption1>
          </button>
        ))}
      </nav>
      <section className={styles.reading} aria-label="Leesvenster">
        {selected ? (
          <>
            <Text as="h2" size={500} weight="semibold">
              {selected.subject}
            </Text>
            <Caption1>
              {selected.from.name} &lt;{selected.from.address}&gt; —{' '}
              {new Date(selected.receivedAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}
            </Caption1>
            <Caption1>Testsituatie: {selected.note}</Caption1>
            <ComplainantActions selected={selected} onArrived={(mail) => setArrived((a) => [mail, ...a])} />
            <Divider className={styles.divider} />
            <Body1 className={styles.body}>{selected.bodyText}</Body1>
          </>
        ) : (
          <Body1>Kies links een e-mail.</Body1>
        )}
        <Divider className={styles.divider} />
        <MailboxView />
      </section>
      <aside className={styles.side} style={{ width: paneWidth }} aria-label="Invoegtoepassing">
        <div className={styles.controls}>
          <Label htmlFor="role">Aangemeld als</Label>
          <Select
            id="role"
            value={identity.role}
            onChange={(_, d) => switchRole(d.value as SimulatorIdentity['role'])}
          >
            {Object.keys(identities).map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </Select>
          <Checkbox label="Vastgemaakt" checked={pinned} onChange={(_, d) => setPinned(d.checked === true)} />
        </div>
        <iframe key={paneKey} className={styles.pane} title="Klachtenregister" src="/taskpane.html" />
      </aside>
    </div>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <FluentProvider theme={webLightTheme}>
    <Simulator />
  </FluentProvider>,
);
