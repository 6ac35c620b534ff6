import { useEffect, useState } from 'react';
import { Button, Caption1, Subtitle2, Text } from '@fluentui/react-components';

interface Delivered {
  to: string[];
  subject: string;
  text?: string;
  sentAt: string;
}

/** What the Graph sandbox accepted: the letters the complainant would have received. */
export function MailboxView() {
  const [messages, setMessages] = useState<Delivered[] | null>(null);
  async function refresh(): Promise<void> {
    try {
      const response = await fetch('/dev/mailbox');
      setMessages(response.ok ? ((await response.json()) as Delivered[]) : []);
    } catch {
      setMessages([]);
    }
  }
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 3000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section aria-label="Verzonden brieven">
      <Subtitle2 as="h2">Verzonden brieven (Graph-sandbox)</Subtitle2>{' '}
      <Button size="small" onClick={() => void refresh()}>
        Vernieuwen
      </Button>
      {messages?.length === 0 && <Caption1 block>Nog niets verzonden.</Caption1>}
      {messages?.map((m, i) => (
        <div key={`${m.sentAt}-${i}`}>
          <Text block weight="semibold">
            {m.subject}
          </Text>
          <Caption1 block>
            aan {m.to.join(', ')} — {new Date(m.sentAt).toLocaleString('nl-NL')}
          </Caption1>
        </div>
      ))}
    </section>
  );
}
