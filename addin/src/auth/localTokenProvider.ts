import type { TokenProvider } from './tokenProvider';

/** The simulator keeps the chosen role and person here; the pane reads them at every token request. */
export const simulatorIdentityKey = 'klachtenregister.simulator.identity';

export interface SimulatorIdentity {
  role: 'Medewerker' | 'Klachtbehandelaar' | 'Directeur';
  name: string;
  address: string;
}

export const defaultSimulatorIdentity: SimulatorIdentity = {
  role: 'Klachtbehandelaar',
  name: 'Sanne Bakker',
  address: 'sanne.bakker@lagant-voorbeeld.nl',
};

/** Dev only (never in a production bundle): tokens from the local token issuer for the simulator's role. */
export function createLocalTokenProvider(devBase: string): TokenProvider {
  const cache = new Map<string, { token: string; until: number }>();
  return {
    async getToken() {
      const stored = localStorage.getItem(simulatorIdentityKey);
      const identity = stored ? (JSON.parse(stored) as SimulatorIdentity) : defaultSimulatorIdentity;
      const key = JSON.stringify(identity);
      const hit = cache.get(key);
      if (hit && hit.until > Date.now()) return hit.token;
      const response = await fetch(`${devBase}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: key,
      });
      if (!response.ok) throw new Error('De lokale aanmeldservice antwoordt niet.');
      const { accessToken } = (await response.json()) as { accessToken: string };
      cache.set(key, { token: accessToken, until: Date.now() + 50 * 60_000 });
      return accessToken;
    },
  };
}
