import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import { STORY_SHORTCUT } from '../../src/slack/listeners/shortcut.js';
import { QUOTABLE_STORY_FUNCTION, QUOTABLE_STORY_INPUT } from '../../src/slack/listeners/workflow-step.js';
import { realEngine } from '../helpers/knowledge.js';
import { HAS_SHARED, NO_SHARED_MESSAGE, ROOT, SHARED_DIR } from '../helpers/paths.js';

const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'));

/**
 * A function's parameters as Slack's current docs and Bolt define them
 * (`input_parameters: { properties, required }`). Slack's published manifest schema predates this
 * form (it expects a map of parameter name to type), so `functions` is checked against this instead.
 */
const parameter = z.strictObject({
  type: z.enum(['string', 'integer', 'number', 'boolean', 'slack#/types/channel_id', 'slack#/types/user_id']),
  title: z.string().min(1),
  description: z.string().optional(),
  hint: z.string().optional(),
});
const parameters = z
  .strictObject({ properties: z.record(z.string().regex(/^[a-z_]+$/), parameter), required: z.array(z.string()) })
  .refine((p) => p.required.every((name) => name in p.properties), 'each required parameter is one of its properties');
const functionsSchema = z.record(
  z.string().regex(/^[a-z_]+$/),
  z.strictObject({
    title: z.string().min(1),
    description: z.string().min(1),
    input_parameters: parameters,
    output_parameters: parameters,
  }),
);

describe('manifest.yml', () => {
  it.skipIf(!HAS_SHARED)(HAS_SHARED ? "is valid against Slack's published manifest schema" : NO_SHARED_MESSAGE, () => {
    const schema = JSON.parse(readFileSync(join(SHARED_DIR, 'slack/manifest.schema.1.0.0.json'), 'utf8'));
    // strict: false lets Ajv skip the annotation keywords Slack's schema carries ("_note", "regex").
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    // Everything but `functions`, whose current form the published schema predates (checked below).
    const { functions: _functions, ...rest } = manifest;
    expect(validate(rest), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("declares the workflow step in the form of Slack's current docs and Bolt, with the input and outputs the app uses", () => {
    const functions = functionsSchema.parse(manifest.functions);
    expect(Object.keys(functions)).toEqual([QUOTABLE_STORY_FUNCTION]);
    const step = functions[QUOTABLE_STORY_FUNCTION];
    expect(step.title).toBe('Get a quotable story');
    expect(Object.keys(step.input_parameters.properties)).toEqual([QUOTABLE_STORY_INPUT]);
    expect(Object.keys(step.output_parameters.properties).sort()).toEqual(['attribution', 'figures', 'footnote', 'passage']);
    expect(step.output_parameters.required.sort()).toEqual(['attribution', 'passage']);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    expect(manifest.settings.function_runtime).toBe('remote');
  });

  it('offers the assistant panel and the message shortcut within Slack’s limits', () => {
    const { assistant_view, shortcuts } = manifest.features;
    expect(assistant_view.assistant_description.length).toBeGreaterThan(0);
    // The static prompts, shown until the bot sets its own, must get an answer whatever the knowledge holds.
    const engine = realEngine();
    for (const prompt of assistant_view.suggested_prompts) {
      expect(['help', 'list', 'found']).toContain(engine.answer({ command: null, text: prompt.message }).status);
    }
    expect(shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: STORY_SHORTCUT, name: 'Human rights stories' }),
    ]);
    expect(shortcuts[0].name.length).toBeLessThanOrEqual(24);
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
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'assistant:write',
      'chat:write',
      'commands',
      'im:history',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual([
      'app_home_opened',
      'app_mention',
      'app_uninstalled',
      'assistant_thread_context_changed',
      'assistant_thread_started',
      'function_executed',
      'message.im',
      'tokens_revoked',
    ]);
  });

  it("is what the README's install step tells the admin: every scope and event it asks for is named there", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const install = readme.slice(readme.indexOf('## Installing it in Slack'), readme.indexOf('2. **Install to Workspace**'));
    for (const name of [...manifest.oauth_config.scopes.bot, ...manifest.settings.event_subscriptions.bot_events]) {
      expect(install, name).toContain(`\`${name}\``);
    }
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
