/** A person as the API takes it (`partySchema`). */
export interface Party {
  name: string;
  address: string;
}

// "From: Noor Visser <noor.visser@klant.example>" (Outlook, English), "Van: …" (Dutch), also with the name
// in quotes, a mailto: wrapper, or the address alone.
const headerLine = /^[ \t>]*(?:\*\*)?(?:From|Van)(?:\*\*)?:[ \t]*(.+)$/gim;
const withName = /^"?([^"<]*?)"?\s*<\s*(?:mailto:)?([^\s<>@]+@[^\s<>]+)\s*>/i;
const bareAddress = /^(?:mailto:)?([^\s<>@]+@[^\s<>\]]+)/i;
const bracketed = /^(.*?)\s*\[\s*mailto:([^\s\]]+@[^\s\]]+)\s*\]/i;

function parseParty(text: string): Party | null {
  const trimmed = text.trim();
  const named = withName.exec(trimmed);
  if (named?.[2]) {
    const address = named[2].trim();
    return { name: named[1]?.trim() || address, address };
  }
  const mailto = bracketed.exec(trimmed);
  if (mailto?.[2]) return { name: mailto[1]?.trim() || mailto[2], address: mailto[2] };
  const bare = bareAddress.exec(trimmed);
  if (bare?.[1]) return { name: bare[1], address: bare[1] };
  return null;
}

/**
 * When an employee forwarded the complaint, the complainant is the original sender in the forwarded text,
 * not the employee: the last "From:"/"Van:" header in the body is the earliest message of the thread.
 * Returns null when the body has no such header or it names the forwarder.
 */
export function forwardedSender(bodyText: string, forwarder: Party): Party | null {
  let found: Party | null = null;
  for (const match of bodyText.matchAll(headerLine)) {
    const party = parseParty(match[1] ?? '');
    if (party) found = party;
  }
  if (!found || found.address.toLowerCase() === forwarder.address.toLowerCase()) return null;
  return found;
}
