/** The one source of "now" for every use case, so that tests and the local stack can move time. */
export interface Clock {
  now(): Date;
}
