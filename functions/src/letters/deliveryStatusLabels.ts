import type { DeliveryStatus } from '../app/ports/outboxEntry';

/** Dutch labels of a letter's delivery state, for the pane and the director. */
export const DELIVERY_STATUS_LABELS: Readonly<Record<DeliveryStatus, string>> = {
  queued: 'in de wachtrij',
  sending: 'wordt verzonden',
  sent: 'verzonden',
  failed: 'verzending mislukt',
  cancelled: 'niet verzonden (geannuleerd)',
};
