import type { ServicesFactory } from './composition';
import type { FunctionDefinition } from './definitions';
import { health } from './functions/health';
import {
  getAttachmentHandler,
  getAudit,
  getDossier,
  getComplaintById,
  getSimilar,
  listComplaintsHandler,
  postComplaint,
  postStep,
} from './functions/complaints';
import { getDirectorEscalations, patchComplaint, postCheck } from './functions/guidedProcedure';
import { letterFunctions } from './functions/letters';
import { mailboxFunctions } from './functions/mailbox';
import { reportFunctions } from './functions/reports';
import { settingsFunctions } from './functions/settings';
import { timerFunctions } from './functions/timers';

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
      handler: listComplaintsHandler(services),
    },
    {
      kind: 'http',
      name: 'getComplaint',
      route: 'complaints/{id}',
      methods: ['GET'],
      handler: getComplaintById(services),
    },
    {
      kind: 'http',
      name: 'checkRegistration',
      route: 'complaints/check',
      methods: ['POST'],
      handler: postCheck(services),
    },
    {
      kind: 'http',
      name: 'editComplaint',
      route: 'complaints/{id}',
      methods: ['PATCH'],
      handler: patchComplaint(services),
    },
    {
      kind: 'http',
      name: 'directorEscalations',
      route: 'director/escalations',
      methods: ['GET'],
      handler: getDirectorEscalations(services),
    },
    {
      kind: 'http',
      name: 'recordStep',
      route: 'complaints/{id}/steps',
      methods: ['POST'],
      handler: postStep(services),
    },
    {
      kind: 'http',
      name: 'similarComplaints',
      route: 'complaints/{id}/similar',
      methods: ['GET'],
      handler: getSimilar(services),
    },
    {
      kind: 'http',
      name: 'getAttachment',
      route: 'complaints/{id}/attachments/{name}',
      methods: ['GET'],
      handler: getAttachmentHandler(services),
    },
    {
      kind: 'http',
      name: 'auditTrail',
      route: 'complaints/{id}/audit',
      methods: ['GET'],
      handler: getAudit(services),
    },
    {
      kind: 'http',
      name: 'complaintDossier',
      route: 'complaints/{id}/dossier',
      methods: ['GET'],
      handler: getDossier(services),
    },
    ...letterFunctions(services),
    ...timerFunctions(services),
    ...reportFunctions(services),
    ...mailboxFunctions(services),
    ...settingsFunctions(services),
  ];
}
