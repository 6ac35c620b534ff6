import { configure } from '@testing-library/dom';

/**
 * `findBy…`/`waitFor` give up after one second by default. The pane loads parts lazily and React renders
 * asynchronously, which on a busy machine can take longer; the tests assert what appears, never how fast, so
 * they wait generously.
 */
configure({ asyncUtilTimeout: 10_000 });
