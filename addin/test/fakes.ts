import type { ComplaintSummary, ComplaintView } from '../../domain/src/api/complaintView';
import type { KlachtenApi } from '../src/api/klachtenApi';
import type { LetterView } from '../../domain/src/api/letters';
import type { YearlyFigures } from '../src/api/deskApi';
import type { OpenMessage } from '../src/office/openMessage';
import { ApiProblem } from '../src/api/problem';

/** A KlachtenApi whose every call is a jest.fn; tests override what they exercise. */
/** Properties, not methods, so `expect(api.register)` reads naturally without unbound-method noise. */
/** A waiting acknowledgement as `GET /api/complaints/{id}/letters` answers it. */
export const queuedLetter: LetterView = {
  seq: 1,
  kind: 'acknowledgement',
  status: 'queued',
  statusLabel: 'in de wachtrij',
  queuedOn: '2026-03-02',
  attempts: 0,
};

export type FakeApi = { [K in keyof KlachtenApi]: jest.MockedFunction<KlachtenApi[K]> };

export function fakeApi(overrides: Partial<KlachtenApi> = {}): FakeApi {
  const notDeployed = () => Promise.reject(new ApiProblem(404, 'about:blank', 'Niet gevonden'));
  const fake: FakeApi = {
    findByMessage: jest.fn(() => Promise.resolve(null)),
    register: jest.fn(notDeployed),
    getComplaint: jest.fn(notDeployed),
    recordStep: jest.fn(notDeployed),
    listComplaints: jest.fn(() => Promise.resolve({ items: [] })),
    similar: jest.fn(() => Promise.resolve([])),
    letters: jest.fn(() => Promise.resolve([queuedLetter])),
    letterPreview: jest.fn(notDeployed),
    saveLetterNote: jest.fn(notDeployed),
    retryLetter: jest.fn(notDeployed),
    yearlyReport: jest.fn(notDeployed),
    exportRegister: jest.fn(notDeployed),
    // By default the first look-up answers what findByMessage answers, without candidates.
    lookupMessage: jest.fn((keys: { internetMessageId: string }) =>
      fake.findByMessage(keys.internetMessageId).then((complaint) => ({ complaint, candidates: [] })),
    ),
    linkMessage: jest.fn(notDeployed),
    conversation: jest.fn(() => Promise.resolve([])),
    originalMessage: jest.fn(notDeployed),
    messageText: jest.fn(notDeployed),
    unreviewed: jest.fn(() => Promise.resolve([])),
    dismissUnreviewed: jest.fn(notDeployed),
    weeklySummary: jest.fn(notDeployed),
    yearlyFigures: jest.fn(notDeployed),
    yearlyReportFile: jest.fn(notDeployed),
    saveRecommendations: jest.fn(notDeployed),
    settings: jest.fn(notDeployed),
    saveSettings: jest.fn(notDeployed),
    searchComplaints: jest.fn(() => Promise.resolve({ items: [] })),
    dossier: jest.fn(notDeployed),
    checkRegistration: jest.fn(() =>
      Promise.resolve({ late: false, receivedOn: '2026-05-20', similar: [], related: [] }),
    ),
    editDescription: jest.fn(notDeployed),
    escalations: jest.fn(() => Promise.resolve([])),
    ...overrides,
  } as FakeApi;
  return fake;
}

export const message = (overrides: Partial<OpenMessage> = {}): OpenMessage => ({
  internetMessageId: '<m1@klant.example>',
  conversationId: 'conv-1',
  restItemId: 'rest-1',
  subject: 'Klacht over dubbele factuur',
  from: { name: 'Femke Dijkstra', address: 'femke.dijkstra@klant-voorbeeld.nl' },
  receivedAt: '2026-05-20T11:02:00+02:00',
  bodyText: 'Ik heb twee keer een factuur gekregen.',
  attachments: [],
  canReadAttachments: true,
  ...overrides,
});

export function complaintView(overrides: Partial<ComplaintView> = {}): ComplaintView {
  return {
    id: 'c1',
    number: 'K-2026-0007',
    status: 'open',
    late: false,
    complainant: { name: 'Femke Dijkstra', address: 'femke.dijkstra@klant-voorbeeld.nl' },
    subject: 'Klacht over dubbele factuur',
    description: 'Ik heb twee keer een factuur gekregen.',
    receivedAt: '2026-05-20T11:02:00+02:00',
    receivedOn: '2026-05-20',
    handler: { name: 'Sanne Bakker', address: 'sanne.bakker@lagant-voorbeeld.nl' },
    category: undefined,
    handlingTerm: 'P6W',
    deadlines: { acknowledgeBy: '2026-05-27', resolveBy: '2026-07-01' },
    deadlineOutcomes: { acknowledgeBy: { outcome: 'pending' }, resolveBy: { outcome: 'pending' } },
    register: { omschrijving: 'Ik heb twee keer een factuur gekregen.', naamKlager: 'Femke Dijkstra' },
    timeline: [{ at: '2026-05-20', type: 'registered', by: 'Sanne Bakker' }],
    attachments: [],
    allowedSteps: ['acknowledged', 'decisionTaken', 'extensionDetermined', 'escalated'],
    nextSteps: [{ type: 'decisionTaken', due: { deadline: 'resolveBy', on: '2026-07-01' } }],
    etag: 'W/"1"',
    ...overrides,
  };
}

export const summaryOf = (view: ComplaintView, withView = true): ComplaintSummary => ({
  id: view.id,
  number: view.number,
  status: view.status,
  ...(withView ? { view } : {}),
});

/** A promise with its resolve/reject exposed, for "while it works" states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A token whose claims the pane reads (signature not checked in the pane). */
export function tokenFor(
  role: string,
  name = 'Sanne Bakker',
  address = 'sanne.bakker@lagant-voorbeeld.nl',
): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256' })}.${part({ roles: [role], name, preferred_username: address })}.sig`;
}

/** The yearly figures as `GET /api/reports/yearly?format=json` answers them. */
export function yearlyFigures(overrides: Partial<YearlyFigures> = {}): YearlyFigures {
  return {
    year: 2026,
    asOf: '2026-07-01',
    total: 4,
    open: 1,
    late: 0,
    repeats: 0,
    agreementRate: 0.5,
    perMonth: [1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0],
    byOutcome: [{ key: 'handled', label: 'afgehandeld', count: 3 }],
    byAgreement: [],
    byWellFounded: [{ key: 'gegrond', label: 'gegrond', count: 1 }],
    byCategory: [],
    timeliness: [
      {
        deadline: 'acknowledgeBy',
        label: 'Ontvangst bevestigen',
        met: 1,
        missed: 0,
        pending: 0,
        overdue: 0,
        rate: 1,
      },
    ],
    escalations: { complaints: 1, total: 1 },
    thirdParty: { referred: 0, rulings: 0, pending: 0 },
    measures: {
      total: 1,
      pastDue: 0,
      carriedOut: 0,
      lines: [{ key: 'K-2026-0001#1', number: 'K-2026-0001', dueOn: '2026-08-01', carriedOut: false }],
    },
    voided: { count: 0, lines: [] },
    numbersIssued: 4,
    ...overrides,
  };
}
