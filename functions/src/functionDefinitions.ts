import type { ServicesFactory } from './composition';
import type { FunctionDefinition } from './definitions';
import { health } from './functions/health';
import { getComplaintById, listComplaints, postComplaint } from './functions/complaints';

/** Every function of the app, for the runtime (index.ts) and the local host alike. */
export function createFunctionDefinitions(services: ServicesFactory): FunctionDefinition[] {
  return [
    { kind: 'http', name: 'health', route: 'health', methods: ['GET'], handler: health(services) },
    {
      kind: 'http',
      name: 'registerComplaint',
      route: 'complaints',
      methods: ['POST'],
      handler: postComplaint(services),
    },
    {
      kind: 'http',
      name: 'listComplaints',
      route: 'complaints',
      methods: ['GET'],
      handler: listComplaints(services),
    },
    {
      kind: 'http',
      name: 'getComplaint',
      route: 'complaints/{id}',
      methods: ['GET'],
      handler: getComplaintById(services),
    },
  ];
}
