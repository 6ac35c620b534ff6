import { samples, type SampleEmail } from '../../addin/dev/samples/samples';

/** One of the project's sample e-mails by id (see addin/dev/samples). */
export function sample(id: string): SampleEmail {
  const found = samples.find((s) => s.id === id);
  if (!found) throw new Error(`no sample ${id}`);
  return found;
}

/** A copy of a sample with its own internetMessageId, for tests that need many distinct e-mails. */
export function variant(base: SampleEmail, n: number | string): SampleEmail {
  return { ...base, internetMessageId: `<variant-${n}-${base.internetMessageId.slice(1)}` };
}
