import { Badge, Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import type { ComplaintSummary } from '../../../domain/src/api/complaintView';

const statusText: Record<string, string> = {
  open: 'in behandeling',
  closed: 'afgesloten',
  inadmissible: 'niet ontvankelijk',
};

/**
 * The e-mail is in the register: its number and status. This is all a Medewerker sees ("alle medewerkers
 * zijn verantwoordelijk voor het correct ontvangen"); the content is for handlers only.
 */
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
      {!complaint.view && (
        <Caption1>Een klachtbehandelaar neemt de klacht in behandeling. De inhoud ziet u hier niet.</Caption1>
      )}
    </Card>
  );
}
