import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../knowledge', import.meta.url));
/** A frozen knowledge folder for tests that expect fixed answers (see test/fixtures/README.md). */
export const FIXTURE_KNOWLEDGE_DIR = fileURLToPath(new URL('../fixtures/knowledge', import.meta.url));
/** The steering folder CI puts beside the clone; a user's clone does not have it. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_DIR);
export const NO_SHARED_MESSAGE = `skipped: needs ../shared beside the clone (as in CI), absent at ${SHARED_DIR}`;
