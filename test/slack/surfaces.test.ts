import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKnowledge } from '../../bench/generate-knowledge.js';
import { createAnswerEngine } from '../../src/answer/engine.js';
import { decodeOrigin, SEARCH_ACTION, SHARE_ACTION } from '../../src/render/actions.js';
import type { Block } from '../../src/render/blocks.js';
import { passageParagraphs } from '../../src/render/entry-views.js';
import { STORY_SHORTCUT } from '../../src/slack/listeners/shortcut.js';
import { QUOTABLE_STORY_FUNCTION, QUOTABLE_STORY_INPUT } from '../../src/slack/listeners/workflow-step.js';
import { buttonsOf, expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { realEngine } from '../helpers/knowledge.js';
import { type RunningApp, startHttpApp } from '../helpers/running-app.js';
import {
  blockAction,
  blockSuggestion,
  eventCallback,
  functionExecuted,
  messageShortcut,
  optionChosen,
  send,
} from '../helpers/slack-requests.js';

const engine = realEngine();
const { missions, stories, topics } = engine.knowledge;
let app: RunningApp;
beforeAll(async () => {
  app = await startHttpApp({ engine });
});
afterAll(async () => {
  await app.stop();
});

let next = 0;
const unique = (prefix: string) => `${prefix}${Date.now()}${++next}`;

describe('the "Human rights stories" message shortcut', () => {
  it.each(stories.map((s) => [s.id, s] as const))(
    'on a message about %s, replies to the user alone with the story and Share',
    async (_id, story) => {
      const responseUrl = app.standIn.responseUrl();
      const before = app.standIn.callsTo('response_url').length;
      const response = await send(app.url, messageShortcut(STORY_SHORTCUT, `FYI <@U2>: ${story.title}`, responseUrl));
      expect(response.status).toBe(200);
      const reply = (await app.standIn.waitFor('response_url', before + 1))[before];
      expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      const blocks = reply.body.blocks as Block[];
      expectWithinBlockKitLimits({ text: String(reply.body.text), blocks });
      const share = buttonsOf(blocks).find((b) => b.action_id === SHARE_ACTION);
      expect(decodeOrigin(share?.value)).toEqual({ type: 'story', id: story.id });
      // Share posts that story for everyone, through the response_url of the click.
      const clickUrl = app.standIn.responseUrl();
      const responded = app.standIn.callsTo('response_url').length;
      await send(
        app.url,
        blockAction({
          actionId: SHARE_ACTION,
          value: share?.value ?? '',
          responseUrl: clickUrl,
          container: { type: 'message', is_ephemeral: true },
        }),
      );
      const [shared, removed] = (await app.standIn.waitFor('response_url', responded + 2)).slice(responded);
      expect(shared.body).toMatchObject({ response_type: 'in_channel' });
      expect(JSON.stringify(shared.body.blocks)).toContain(story.title);
      expect(removed.body).toEqual({ delete_original: true });
      expect(app.standIn.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.body).includes(story.title))).toEqual([]);
    },
  );

  it('where no reply can be made in the conversation, the stories open in a modal', async () => {
    const story = stories[0];
    const opened = app.standIn.callsTo('views.open').length;
    app.standIn.behave('response_url', { status: 404 });
    await send(app.url, messageShortcut(STORY_SHORTCUT, story.title, app.standIn.responseUrl()));
    const call = (await app.standIn.waitFor('views.open', opened + 1))[opened];
    expect(call.body.trigger_id).toBe('123.456.ghi');
    expect(call.body.view).toMatchObject({ type: 'modal' });
    expect(JSON.stringify(call.body.view)).toContain(story.missions[0]);
  });
});

describe('the "Get a quotable story" workflow step', () => {
  const execute = async (about: unknown) => {
    const executionId = unique('Fx');
    const response = await send(
      app.url,
      functionExecuted(QUOTABLE_STORY_FUNCTION, { [QUOTABLE_STORY_INPUT]: about }, executionId, unique('EvF')),
    );
    expect(response.status).toBe(200);
    const done = () =>
      [...app.standIn.callsTo('functions.completeSuccess'), ...app.standIn.callsTo('functions.completeError')].filter(
        (c) => c.body.function_execution_id === executionId,
      );
    const deadline = Date.now() + 5_000;
    while (done().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(done()).toHaveLength(1);
    return done()[0];
  };

  it.each(stories.map((s) => [s.id, s] as const))(
    'completes with %s as text: the passage word for word, its figures, attribution and required note',
    async (_id, story) => {
      const call = await execute(story.title);
      expect(call.method).toBe('functions.completeSuccess');
      const outputs = call.body.outputs as Record<string, string>;
      for (const paragraph of passageParagraphs(story)) expect(outputs.passage).toContain(paragraph);
      for (const figure of story.figures) expect(outputs.figures).toContain(figure);
      const source = engine.knowledge.sources.get(story.source);
      if (source?.author) expect(outputs.attribution).toContain(source.author);
      expect(outputs.attribution.length).toBeGreaterThan(0);
      for (const id of story.footnotes) expect(outputs.footnote).toContain(engine.knowledge.footnotes.get(id)?.text);
      if (story.footnotes.length === 0) expect(outputs.footnote).toBeUndefined();
      expect(JSON.stringify(outputs)).not.toContain('Text TK');
    },
  );

  it.each([
    ['nothing matching', 'qzxv wpkj'],
    ['nothing asked', ''],
    ['no text at all', undefined],
  ])('completes with an error that says so for %s, never with an empty story', async (_case, about) => {
    const call = await execute(about);
    expect(call.method).toBe('functions.completeError');
    expect(String(call.body.error).length).toBeGreaterThan(10);
    if (about) expect(call.body.error).toContain(about);
  });

  it('a mission with no story yet is named in the error', async () => {
    const without = missions.find((m) => !stories.some((s) => s.missions.includes(m.id)));
    if (!without) return;
    const call = await execute(without.id);
    expect(call.method).toBe('functions.completeError');
    expect(call.body.error).toContain(without.id);
  });
});

interface OptionsAnswer {
  option_groups: { label: { text: string }; options: { text: { text: string }; value: string }[] }[];
}

const suggestionsFrom = async (url: string, typed: string): Promise<OptionsAnswer> => {
  const response = await send(url, blockSuggestion(SEARCH_ACTION, typed));
  expect(response.status).toBe(200);
  return response.json();
};
const optionsOf = (answer: OptionsAnswer) => answer.option_groups.flatMap((g) => g.options);

function expectWithinOptionLimits(answer: OptionsAnswer) {
  const options = optionsOf(answer);
  expect(options.length).toBeLessThanOrEqual(100);
  for (const option of options) {
    expect(option.text.text.length).toBeGreaterThan(0);
    expect(option.text.text.length).toBeLessThanOrEqual(75);
    expect(option.value.length).toBeLessThanOrEqual(150);
  }
  for (const group of answer.option_groups) expect(group.label.text.length).toBeLessThanOrEqual(75);
}

describe('the Home tab type-ahead', () => {
  it('the Home tab offers the search select', async () => {
    const before = app.standIn.callsTo('views.publish').length;
    await send(app.url, eventCallback({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' }, unique('EvH')));
    const view = (await app.standIn.waitFor('views.publish', before + 1))[before].body.view as { blocks: Block[] };
    expect(view.blocks).toContainEqual(
      expect.objectContaining({ accessory: expect.objectContaining({ type: 'external_select', action_id: SEARCH_ACTION }) }),
    );
  });

  it.each([
    ...missions.map((m) => ['mission', m.id, m.id.slice(0, 4)] as const),
    ...missions.map((m) => ['mission', m.id, m.where] as const),
    ...stories.map((s) => ['story', s.id, s.title.split(' ').slice(0, 2).join(' ')] as const),
    ...topics.map((t) => ['topic', t.id, t.title] as const),
  ])('typing a name of %s %s ("%s") offers it, within Slack’s limits', async (type, id, typed) => {
    const answer = await suggestionsFrom(app.url, typed);
    expectWithinOptionLimits(answer);
    expect(optionsOf(answer).map((o) => decodeOrigin(o.value))).toContainEqual({ type, id });
  });

  it('over a large knowledge base, one letter still gets at most 100 options', async () => {
    const big = await startHttpApp({ engine: createAnswerEngine(generateKnowledge(engine.knowledge, 500)) });
    try {
      for (const typed of ['a', 'e', 'human rights', '']) {
        const answer = await suggestionsFrom(big.url, typed);
        expectWithinOptionLimits(answer);
      }
      expect(optionsOf(await suggestionsFrom(big.url, '')).length).toBe(100);
    } finally {
      await big.stop();
    }
  });

  it('choosing an option opens its card in a modal', async () => {
    const mission = missions[0];
    const [option] = optionsOf(await suggestionsFrom(app.url, mission.id));
    const opened = app.standIn.callsTo('views.open').length;
    await send(app.url, optionChosen(SEARCH_ACTION, option.value));
    const call = (await app.standIn.waitFor('views.open', opened + 1))[opened];
    expect(call.body.trigger_id).toBe('123.456.jkl');
    expect(call.body.view).toMatchObject({ type: 'modal', title: { text: mission.id } });
    expect(JSON.stringify(call.body.view)).toContain(mission.name);
  });
});
