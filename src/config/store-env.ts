import { resolve } from 'node:path';
import * as z from 'zod';
import { blankAsUndefined } from './blank.js';

/** Where and how long requests and feedback are kept (see the README's admin section). */
export interface StoreSettings {
  /** PostgreSQL; unset, the embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  retentionDays: number;
  /** Key of the users' keyed hash; unset, no user is stored at all. */
  userHashKey?: string;
}

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

const schema = z.object({
  // The URL may hold a password: messages never repeat it.
  DATABASE_URL: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .trim()
      .refine((url) => /^postgres(ql)?:\/\/./.test(url) && URL.canParse(url), {
        message: 'must be a PostgreSQL URL like postgres://user:password@host:5432/database (this one is not)',
      })
      .optional(),
  ),
  DATA_DIR: z.preprocess(blankAsUndefined, z.string().trim().default('./data')),
  RETENTION_DAYS: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ message: 'must be a whole number of days' })
      .int({ message: 'must be a whole number of days' })
      .min(1, { message: 'must be at least 1 (day)' })
      .max(3650, { message: 'must be at most 3650 (ten years)' })
      .default(90),
  ),
  USER_HASH_KEY: z.preprocess(
    blankAsUndefined,
    z.string().min(16, { message: 'must be at least 16 characters (a random secret, e.g. `openssl rand -hex 32`)' }).optional(),
  ),
  SLACK_EDITORS: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => SLACK_USER_ID.test(id)), {
        message: 'must be Slack user ids separated by commas, like U012AB3CD,U045EF6GH (profile → ⋮ → Copy member ID)',
      })
      .default([]),
  ),
});

/** The store's settings and the editors' ids; a wrong one is a problem naming its variable. */
export function readStoreEnv(env: NodeJS.ProcessEnv): { store: StoreSettings; editors: string[] } | { problems: string[] } {
  const parsed = schema.safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`) };
  const { DATABASE_URL, DATA_DIR, RETENTION_DAYS, USER_HASH_KEY, SLACK_EDITORS } = parsed.data;
  return {
    store: { databaseUrl: DATABASE_URL, dataDir: resolve(DATA_DIR), retentionDays: RETENTION_DAYS, userHashKey: USER_HASH_KEY },
    editors: SLACK_EDITORS,
  };
}
