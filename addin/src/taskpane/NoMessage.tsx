import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { NoMessageReason } from '../office/openMessage';

const texts: Record<NoMessageReason, { title: string; body: string }> = {
  'nothing-selected': {
    title: 'Geen e-mail geopend',
    body: 'Open de e-mail met de klacht; daarna kunt u die hier registreren.',
  },
  compose: {
    title: 'Dit is een concept',
    body: 'Een klacht registreert u vanuit de ontvangen e-mail van de klager, niet vanuit een bericht dat u schrijft.',
  },
  'not-a-message': {
    title: 'Geen e-mailbericht',
    body: 'Alleen een ontvangen e-mail kan als klacht worden geregistreerd, geen afspraak of uitnodiging.',
  },
};

export function NoMessage({ reason }: { reason: NoMessageReason }) {
  const text = texts[reason];
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle>
        {text.body}
      </MessageBarBody>
    </MessageBar>
  );
}
