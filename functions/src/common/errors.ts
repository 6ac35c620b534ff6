/**
 * The app's small error taxonomy. Use cases throw these; `http/problem.ts` maps each kind to one HTTP status
 * and a problem+json body in one place. Messages are Dutch and meant for a handler: they never contain
 * complaint content or personal data, because they may end up in logs.
 */
export type AppErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'preconditionFailed'
  | 'preconditionRequired'
  | 'payloadTooLarge'
  | 'unsupportedMediaType'
  | 'unavailable';

export interface FieldError {
  /** JSON path of the field, e.g. `message.receivedAt`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly kind: AppErrorKind,
    /** Stable machine code, e.g. `complaint-not-found`; becomes part of the problem `type`. */
    readonly code: string,
    /** Dutch, for the handler. */
    message: string,
    readonly fieldErrors: readonly FieldError[] = [],
  ) {
    super(message);
  }
}

/** A write based on a version someone else has changed since: the handler reloads, keeping what was typed. */
export const staleComplaintError = (): AppError =>
  new AppError(
    'preconditionFailed',
    'stale',
    'Iemand anders heeft deze klacht intussen gewijzigd. Laad de klacht opnieuw; uw invoer blijft bewaard.',
  );

/** A write refused because its ETag is no longer current: someone else wrote first. */
export const isStaleWrite = (error: unknown): boolean =>
  error instanceof AppError && error.kind === 'preconditionFailed';

export const validationError = (message: string, fieldErrors: readonly FieldError[]): AppError =>
  new AppError('validation', 'validation', message, fieldErrors);
