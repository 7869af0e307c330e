import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Tables } from './schema.js';

/**
 * Bolt's InstallationStore over the bot's database: one row per workspace, or per Enterprise Grid
 * organisation for an org-wide install. The installation (its bot token above all) is stored
 * encrypted with a key derived from the app's client secret, and without the installing user's id.
 */
export function createInstallationStore(db: Kysely<Tables>, clientSecret: string): InstallationStore {
  const key = Buffer.from(hkdfSync('sha256', clientSecret, 'hr-mission-bot', 'slack-installations', 32));
  return {
    async storeInstallation(installation) {
      const row = {
        key: rowKey(installation.isEnterpriseInstall === true, installation.enterprise?.id, installation.team?.id),
        team_id: installation.team?.id ?? null,
        enterprise_id: installation.enterprise?.id ?? null,
        installation: seal(key, JSON.stringify(withoutInstaller(installation))),
        installed_at: new Date(),
      };
      await db
        .insertInto('slack_installations')
        .values(row)
        .onConflict((c) => c.column('key').doUpdateSet({ ...row, key: undefined }))
        .execute();
    },
    async fetchInstallation(query) {
      for (const candidate of keysFor(query)) {
        const row = await db
          .selectFrom('slack_installations')
          .select('installation')
          .where('key', '=', candidate)
          .executeTakeFirst();
        if (row) return JSON.parse(open(key, row.installation)) as Installation<'v1' | 'v2', boolean>;
      }
      throw new Error(`no installation for ${describe(query)}`);
    },
    async deleteInstallation(query) {
      await db
        .deleteFrom('slack_installations')
        .where('key', '=', rowKey(query.isEnterpriseInstall, query.enterpriseId, query.teamId))
        .execute();
    },
  };
}

/** The same store over the bot's database once it is open (PGlite opens in the background). */
export function installationStoreOn(database: Promise<Database>, clientSecret: string): InstallationStore {
  const store = database.then((d) => createInstallationStore(d.db, clientSecret));
  return {
    storeInstallation: async (installation) => (await store).storeInstallation(installation),
    fetchInstallation: async (query) => (await store).fetchInstallation(query),
    deleteInstallation: async (query) => (await store).deleteInstallation?.(query),
  };
}

function rowKey(isEnterpriseInstall: boolean, enterpriseId: string | undefined, teamId: string | undefined): string {
  if (isEnterpriseInstall && enterpriseId) return `enterprise:${enterpriseId}`;
  if (teamId) return `team:${teamId}`;
  throw new Error('an installation names neither its workspace nor its organisation');
}

/** A workspace's own install first; then, inside an Enterprise Grid organisation, the org-wide one. */
function keysFor(query: InstallationQuery<boolean>): string[] {
  const keys: string[] = [];
  if (!query.isEnterpriseInstall && query.teamId) keys.push(`team:${query.teamId}`);
  if (query.enterpriseId) keys.push(`enterprise:${query.enterpriseId}`);
  return keys;
}

const describe = (query: InstallationQuery<boolean>) =>
  query.isEnterpriseInstall ? `organisation ${query.enterpriseId}` : `workspace ${query.teamId}`;

/** The installing user's id and token are not needed to answer: they are not kept. */
function withoutInstaller<T extends Installation<'v1' | 'v2', boolean>>(installation: T): T {
  return { ...installation, user: { id: '' } };
}

function seal(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64')).join('.');
}

function open(key: Buffer, stored: string): string {
  const [iv, tag, sealed] = stored.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}
