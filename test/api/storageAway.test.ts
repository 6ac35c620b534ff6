import type { ComplaintView } from '../../domain/src/api/complaintView';
import { startStack, type Stack } from '../../dev/stack';
import { apiClient, registrationOf } from '../support/api';
import { sample, variant } from '../support/samples';

jest.setTimeout(180_000);

let stack: Stack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startStack();
  api = apiClient(stack);
});
afterAll(async () => {
  await stack?.stop();
});

interface Problem {
  type: string;
  title: string;
  status: number;
}

test('with storage gone, registration and a step answer 503 problem+json with Retry-After, in Dutch', async () => {
  const created = await api.call<{ id: string }>('POST', '/complaints', {
    body: registrationOf(variant(sample('01-ordinary'), 'storage-away-1')),
  });
  expect(created.status).toBe(201);
  const c = (await api.call<ComplaintView>('GET', `/complaints/${created.body.id}`)).body;

  await stack.azurite.stop();

  const registration = await api.call<Problem>('POST', '/complaints', {
    body: registrationOf(variant(sample('01-ordinary'), 'storage-away-2')),
  });
  const step = await api.call<Problem>('POST', `/complaints/${c.id}/steps`, {
    body: { type: 'decisionTaken', summary: 'Besluit' },
    headers: { 'if-match': c.etag },
  });
  for (const res of [registration, step]) {
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.body.title).toMatch(/probeer het zo opnieuw/i);
  }
});
