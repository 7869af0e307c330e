import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HAS_SHARED, NO_SHARED_MESSAGE, ROOT, SHARED_DIR } from '../helpers/paths.js';

const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));

describe('manifest.yml', () => {
  it.skipIf(!HAS_SHARED)(HAS_SHARED ? "is valid against Slack's published manifest schema" : NO_SHARED_MESSAGE, () => {
    const schema = JSON.parse(readFileSync(join(SHARED_DIR, 'slack/manifest.schema.1.0.0.json'), 'utf8'));
    // strict: false lets Ajv skip the annotation keywords Slack's schema carries ("_note", "regex").
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(manifest), ajv.errorsText(validate.errors)).toBe(true);
  });

  it('declares both commands, escaped, with descriptions and usage hints', () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: '/hr-mission',
        should_escape: true,
        description: expect.any(String),
        usage_hint: expect.any(String),
      }),
      expect.objectContaining({
        command: '/hr-story',
        should_escape: true,
        description: expect.any(String),
        usage_hint: expect.any(String),
      }),
    ]);
  });

  it('asks for exactly the scopes and events the app uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'message.im',
      'tokens_revoked',
    ]);
  });

  it('enables Home and Messages tabs, interactivity and Socket Mode', () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('keeps within Slack’s length limits for the name and description', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
  });
});
