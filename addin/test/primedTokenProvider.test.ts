import { primedTokenProvider } from '../src/auth/primedTokenProvider';
import type { TokenProvider } from '../src/auth/tokenProvider';
import { deferred } from './fakes';

describe('primedTokenProvider', () => {
  test('asks for a token at once, before anyone calls, and shares that request with early callers', async () => {
    const first = deferred<string>();
    const getToken = jest.fn(() => first.promise);
    const tokens = primedTokenProvider(() => Promise.resolve<TokenProvider>({ getToken }));
    await Promise.resolve();
    await Promise.resolve();
    expect(getToken).toHaveBeenCalledTimes(1);
    const a = tokens.getToken();
    const b = tokens.getToken();
    first.resolve('T1');
    await expect(Promise.all([a, b])).resolves.toEqual(['T1', 'T1']);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  test('after the first request has settled, each call goes to the provider (which keeps or renews)', async () => {
    const getToken = jest.fn().mockResolvedValueOnce('T1').mockResolvedValueOnce('T2');
    const tokens = primedTokenProvider(() => Promise.resolve<TokenProvider>({ getToken }));
    await expect(tokens.getToken()).resolves.toBe('T1');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(tokens.getToken()).resolves.toBe('T2');
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  test('a failed first sign-in reaches its caller and is retried by the next call', async () => {
    const getToken = jest.fn().mockRejectedValueOnce(new Error('Geannuleerd')).mockResolvedValueOnce('T1');
    const tokens = primedTokenProvider(() => Promise.resolve<TokenProvider>({ getToken }));
    await expect(tokens.getToken()).rejects.toThrow('Geannuleerd');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(tokens.getToken()).resolves.toBe('T1');
  });

  test('a provider that could not be set up is set up again by the next call, not remembered as failed', async () => {
    const getToken = jest.fn().mockResolvedValue('T1');
    const create = jest
      .fn<Promise<TokenProvider>, []>()
      .mockRejectedValueOnce(new Error('ChunkLoadError'))
      .mockResolvedValueOnce({ getToken });
    const tokens = primedTokenProvider(create);
    await expect(tokens.getToken()).rejects.toThrow('ChunkLoadError');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(tokens.getToken()).resolves.toBe('T1');
    await expect(tokens.getToken()).resolves.toBe('T1');
    expect(create).toHaveBeenCalledTimes(2);
  });
});
