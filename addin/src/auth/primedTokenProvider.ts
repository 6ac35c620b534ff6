import type { TokenProvider } from './tokenProvider';

/**
 * Starts signing in at once, before anything asks for a token: the pane's first look-up then waits for the
 * slower of the token and the open e-mail, not for both in turn. Whoever asks while that first request is
 * under way shares it; once it has settled every call goes to the provider again (which keeps the token), so
 * a failed first attempt is retried by the next call rather than remembered. The same holds for setting the
 * provider up (`create`): if that fails (its code did not load, say), the next call sets it up again, so
 * "Opnieuw proberen" can succeed without reopening the pane.
 */
export function primedTokenProvider(create: () => Promise<TokenProvider>): TokenProvider {
  let provider: Promise<TokenProvider> | undefined;
  const providerNow = (): Promise<TokenProvider> => {
    if (provider) return provider;
    const attempt = create();
    provider = attempt;
    attempt.catch(() => {
      if (provider === attempt) provider = undefined;
    });
    return attempt;
  };
  let early: Promise<string> | undefined = providerNow().then((p) => p.getToken());
  const settled = (): void => {
    early = undefined;
  };
  // The failure reaches whoever awaits it; unawaited, it must not be reported as unhandled.
  early.then(settled, settled);
  return {
    getToken() {
      return early ?? providerNow().then((p) => p.getToken());
    },
  };
}
