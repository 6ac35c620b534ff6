import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { startStack, type Stack } from '../../dev/stack';
import { sample, variant } from '../support/samples';
import { apiClient, registrationOf } from '../support/api';
import type { ComplaintView } from '../../domain/src/api/complaintView';
import { searchKeysOf } from '../../domain/src/searchText';
import { searchPartitionOf } from '../../functions/src/adapters/searchRows';

jest.setTimeout(120_000);

/**
 * The storage round trips of one registration, counted on the wire: every HTTP request the app's storage clients
 * send to Azurite (tables and blobs) while one e-mail is registered. Letters wait for the review window, so the
 * acknowledgement attempt finds nothing due. What a registration cannot do without: the claim insert, the counter
 * + number transaction (the counter is not read first: this instance wrote it last and holds its ETag), the
 * original-message blob, the complaint transaction (complaint, audit and outbox rows) and the index insert with
 * the search rows beside it (one request per key prefix, side by side), then its look at the other partition
 * with the open row beside that; plus the e-mail's bookkeeping (the conversation claimed, off the unreviewed
 * list). Anything more is a read or write that crept back in.
 */
const expected = [
  'POST /complaintkeys', // the e-mail's claim
  'POST /$batch', // counter + number, guarded by the counter's ETag from this instance's last number
  'PUT /complaint-files/<id>/message.json', // the original message as the pane sent it
  'POST /$batch', // complaint, audit and outbox rows
  'POST /complaintindex', // the index row
  'GET /complaintindex(PartitionKey=closed,RowKey=<id>)', // the index's other partition
  'POST /complaintopen', // the open row (urgency order, the sweep), inserted: the complaint is new
  'DELETE /complaintmailbox(PartitionKey=unreviewed,RowKey=<key>)', // off the unreviewed list
  'POST /complaintmailbox', // the conversation claimed for the complaint
].sort();

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack({ env: { KR_LETTER_REVIEW_MINUTES: '1440' } });
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

/** `METHOD /path` of a storage request, with ids and years made generic so the list reads the same every run. */
function shape(request: ClientRequest): string {
  const path = decodeURIComponent(request.path.split('?')[0] ?? '')
    .replace(/^\/devstoreaccount1/, '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
    .replace(/[0-9a-f]{64}/g, '<key>')
    .replace(/'year-\d{4}'/, 'year')
    .replace(/\d{4}-\d{2}-\d{2}\|/, '<date>|')
    .replace(/'([^']*)'/g, '$1');
  return `${request.method} ${path}`;
}

async function storageRequestsOf(action: () => Promise<void>): Promise<string[]> {
  const ports = new Set([String(stack.ports.table), String(stack.ports.blob)]);
  const seen: string[] = [];
  const onRequest = (message: unknown): void => {
    const request = (message as { request: ClientRequest }).request;
    const host = String(request.getHeader('host') ?? '');
    if (ports.has(host.split(':')[1] ?? '')) seen.push(shape(request));
  };
  subscribe('http.client.request.start', onRequest);
  try {
    await action();
  } finally {
    unsubscribe('http.client.request.start', onRequest);
  }
  return seen;
}

describe('one registration', () => {
  test('does only the storage round trips it needs', async () => {
    const ordinary = sample('01-ordinary');
    // The first request of a process also reads the settings and the signing keys: not part of a registration.
    const warmUp = await api.call('POST', '/complaints', { body: registrationOf(variant(ordinary, 'warm')) });
    expect(warmUp.status).toBe(201);

    const one = variant({ ...ordinary, attachments: [] }, 'counted');
    // On the day the e-mail arrived, so the acknowledgement is not yet due and waits for the review window.
    stack.clock.set(new Date(one.receivedAt));
    let view: ComplaintView | undefined;
    const requests = await storageRequestsOf(async () => {
      const res = await api.call<{ view: ComplaintView }>('POST', '/complaints', {
        body: registrationOf(one),
      });
      expect(res.status).toBe(201);
      view = res.body.view;
    });
    if (!view) throw new Error('no view');
    // The search rows: one request for each partition (a key's first two characters) the complaint's keys fall
    // in; a transaction where a partition gets more than one row, a plain insert where it gets one.
    const keys = searchKeysOf({
      number: view.number,
      complainantName: view.complainant.name,
      complainantAddress: view.complainant.address,
      subject: view.subject,
    });
    const perPartition = new Map<string, number>();
    for (const k of keys)
      perPartition.set(searchPartitionOf(k), (perPartition.get(searchPartitionOf(k)) ?? 0) + 1);
    const searchWrites = [...perPartition.values()].map((n) =>
      n > 1 ? 'POST /$batch' : 'POST /complaintsearch',
    );
    expect(searchWrites.length).toBeGreaterThan(1);
    // Independent writes go side by side, so their order on the wire varies: compare as sorted lists.
    expect(requests.sort()).toEqual([...expected, ...searchWrites].sort());
  });
});
