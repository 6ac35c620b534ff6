import { Badge, Card, CardHeader, Text } from '@fluentui/react-components';
import type { ComplaintSummary } from '../../../domain/src/api/complaintView';

const statusText: Record<string, string> = {
  open: 'in behandeling',
  closed: 'afgesloten',
  inadmissible: 'niet ontvankelijk',
};

/** The e-mail is in the register: its number and status. */
export function RegisteredPanel({ complaint }: { complaint: ComplaintSummary }) {
  return (
    <Card>
      <CardHeader
        header={
          <Text as="h2" weight="semibold" size={400}>
            Geregistreerd als <span data-testid="complaint-number">{complaint.number}</span>
          </Text>
        }
        description={<Badge appearance="tint">{statusText[complaint.status] ?? complaint.status}</Badge>}
      />
    </Card>
  );
}
