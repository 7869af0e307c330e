import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, FeedbackButtons } from '../../src/render/blocks.js';
import { FEEDBACK_ACTION, FEEDBACK_INPUT, FEEDBACK_MODAL, FEEDBACK_MORE_ACTION } from '../../src/render/feedback.js';
import type { ReportJson } from '../../src/render/report.js';
import { STORY_SHORTCUT } from '../../src/slack/listeners/shortcut.js';
import { createRecorder } from '../../src/store/recorder.js';
import { createRecording, type Recording } from '../../src/store/recording.js';
import { NOT_STORED } from '../../src/store/records.js';
import { createReports } from '../../src/store/reports.js';
import { buttonsOf } from '../helpers/block-kit.js';
import { openSharedTestDatabase, type TestDatabase } from '../helpers/database.js';
import { realEngine } from '../helpers/knowledge.js';
import { runScript } from '../helpers/run-cli.js';
import { type RunningApp, startHttpApp } from '../helpers/running-app.js';
import { blockAction, eventCallback, messageShortcut, send, slashCommand, viewSubmission } from '../helpers/slack-requests.js';

const engine = realEngine();
const mission = engine.knowledge.missions[0];
const UNANSWERABLE = 'Zzyzx quorble flibbertigibbet';

let database: TestDatabase;
let recording: Recording;
let app: RunningApp;

beforeAll(async () => {
  database = await openSharedTestDatabase();
  const recorder = createRecorder(database.db);
  recording = createRecording({
    write: (batch) => recorder.write(batch),
    logger: pino({ level: 'silent' }),
    userHashKey: 'k'.repeat(32),
  });
  app = await startHttpApp({ engine, recording, reports: async () => createReports(database.db), editors: ['U0EDITOR'] });
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await recording?.close(1_000);
  await database?.drop();
});

const feedbackButtons = (blocks: Block[]): FeedbackButtons =>
  blocks.flatMap((b) => (b.type === 'context_actions' ? b.elements : []))[0];

describe('feedback in a modal and the editors’ figures on the Home tab', () => {
  it('a Home modal’s answer has plain "Helpful"/"Not helpful" buttons; "Not helpful" opens the form on top', async () => {
    const home = { container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home' } };
    const opens = app.standIn.callsTo('views.open').length;
    const other = engine.knowledge.missions[1].id;
    await send(
      app.url,
      blockAction({ actionId: 'open:mission:0', value: JSON.stringify({ type: 'mission', id: other }), ...home }),
    );
    const modal = (await app.standIn.waitFor('views.open', opens + 1))[opens].body.view as { blocks: Block[] };
    const notHelpful = buttonsOf(modal.blocks).find((b) => b.text.text === 'Not helpful');
    expect(buttonsOf(modal.blocks).map((b) => b.text.text)).toContain('Helpful');
    expect(notHelpful).toBeDefined();
    await send(
      app.url,
      blockAction({
        actionId: notHelpful?.action_id ?? '',
        value: notHelpful?.value ?? '',
        container: { type: 'view', view_id: 'V2' },
        view: { id: 'V2', type: 'modal' },
      }),
    );
    const [pushed] = await app.standIn.waitFor('views.push');
    expect((pushed.body.view as { callback_id: string }).callback_id).toBe(FEEDBACK_MODAL);
  });

  it('a message shortcut records its surface and outcome, never the text of the message it was used on', async () => {
    const secret = 'Confidential: the meeting with the minister about South Sudan';
    await send(app.url, messageShortcut(STORY_SHORTCUT, secret, app.standIn.responseUrl()));
    await app.standIn.waitFor('response_url');
    expect(await recording.flush(10_000)).toBe(0);
    const rows = await database.db.selectFrom('requests').selectAll().where('surface', '=', 'shortcut').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].asked).toBe(NOT_STORED);
    expect(JSON.stringify(rows)).not.toContain('minister');
  });

  it('an editor sees the Editors section with the figures; anyone else never does', async () => {
    const publish = async (user: string, eventId: string) => {
      const before = app.standIn.callsTo('views.publish').length;
      await send(app.url, eventCallback({ type: 'app_home_opened', user, channel: 'D1', tab: 'home' }, eventId));
      return JSON.stringify((await app.standIn.waitFor('views.publish', before + 1))[before].body.view);
    };
    const editorView = await publish('U0EDITOR', 'EvHomeEditor');
    expect(editorView).toContain('"text":"Editors"');
    expect(editorView).toContain('Unanswered questions');
    const otherView = await publish('U0READER', 'EvHomeReader');
    expect(otherView).not.toContain('"text":"Editors"');
    expect(otherView).not.toContain('Unanswered questions');
  });
});

describe('what staff ask and say reaches the report', () => {
  it('a not_found mention and a "Not helpful" click over signed HTTP appear in `npm run report -- --json`', async () => {
    expect(engine.answer({ command: null, text: UNANSWERABLE }).status).toMatch(/^(not_found|help)$/);
    await send(
      app.url,
      eventCallback(
        { type: 'app_mention', user: 'U1', channel: 'C1', ts: '1.1', text: `<@U0BOT> ${UNANSWERABLE}` },
        'EvMention1',
      ),
    );
    await app.standIn.waitFor('chat.postMessage');

    const answer = (await send(app.url, slashCommand('/hr-mission', mission.id, app.standIn.responseUrl()))).json();
    const feedback = feedbackButtons(answer.blocks);
    expect(feedback.action_id).toBe(FEEDBACK_ACTION);
    expect(JSON.stringify(feedback)).not.toContain('U1');

    const responseUrl = app.standIn.responseUrl();
    const responses = app.standIn.callsTo('response_url').length;
    await send(
      app.url,
      blockAction({
        actionId: FEEDBACK_ACTION,
        type: 'feedback_buttons',
        value: feedback.negative_button.value,
        responseUrl,
        container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: true },
      }),
    );
    const thanks = (await app.standIn.waitFor('response_url', responses + 1))[responses];
    expect(thanks.body.response_type).toBe('ephemeral');
    expect(thanks.body.text).toContain('Thanks');
    const more = buttonsOf(thanks.body.blocks as Block[]).find((b) => b.action_id === FEEDBACK_MORE_ACTION);
    expect(more).toBeDefined();

    const opens = app.standIn.callsTo('views.open').length;
    await send(
      app.url,
      blockAction({ actionId: FEEDBACK_MORE_ACTION, value: more?.value ?? '', container: { type: 'message' } }),
    );
    const opened = (await app.standIn.waitFor('views.open', opens + 1))[opens];
    const modal = opened.body.view as { callback_id: string; private_metadata: string };
    expect(modal.callback_id).toBe(FEEDBACK_MODAL);
    const submitted = await send(
      app.url,
      viewSubmission(FEEDBACK_MODAL, modal.private_metadata, {
        [FEEDBACK_INPUT.block]: { [FEEDBACK_INPUT.action]: { type: 'plain_text_input', value: 'the number of staff' } },
      }),
    );
    expect(submitted.status).toBe(200);

    expect(await recording.flush(10_000)).toBe(0);
    const stored = await database.db.selectFrom('feedback').selectAll().execute();
    expect(stored.map((f) => f.comment)).toContain('the number of staff');
    expect(JSON.stringify(stored)).not.toMatch(/"U1"/);
    const requests = await database.db.selectFrom('requests').select('unanswered').execute();
    const answerRate = Math.round((requests.filter((r) => !r.unanswered).length / requests.length) * 1000) / 1000;
    if (database.kind === 'pglite') await database.close();

    const run = await runScript('src/cli/report.ts', ['--json'], { env: database.env });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(Object.keys(report)).toEqual(['since', 'unanswered', 'feedback', 'usage', 'answer_rate']);
    expect(report.unanswered).toContainEqual(expect.objectContaining({ text: UNANSWERABLE, count: 1 }));
    expect(report.feedback).toContainEqual({ id: mission.id, helpful: 0, not_helpful: 1 });
    expect(report.usage).toContainEqual({ id: mission.id, count: 1 });
    expect(report.answer_rate).toBe(answerRate);
    expect(report.answer_rate).toBeLessThan(1);

    const text = await runScript('src/cli/report.ts', [], { env: database.env });
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(
      /Requests by surface and outcome\n.*\n(\s+\S+\s+\S+\s+\d+\n)*\s+mention\s+(not_found|help)\s+1\n/,
    );
    expect(text.stdout).toMatch(
      new RegExp(`Requests per day\\n.*\\n(.*\\n)*\\s+${new Date().toISOString().slice(0, 10)}\\s+\\d+\\s+\\d+`),
    );
  }, 60_000);
});

describe('with the database stopped', () => {
  it('1,000 requests are all answered, the queue stays bounded, and the bot stays up', async () => {
    const stopped = await openSharedTestDatabase();
    const recorder = createRecorder(stopped.db);
    const queueBound = 200;
    const down = createRecording({
      write: (batch) => recorder.write(batch),
      logger: pino({ level: 'silent' }),
      maxQueued: queueBound,
      writeTimeoutMs: 500,
    });
    const bot = await startHttpApp({ engine, recording: down });
    try {
      await stopped.drop();
      let answered = 0;
      const one = async () => {
        const response = await send(bot.url, slashCommand('/hr-mission', mission.id, bot.standIn.responseUrl()));
        if (response.status === 200 && response.json().blocks.length > 0) answered++;
      };
      for (let sent = 0; sent < 1_000; sent += 25) await Promise.all(Array.from({ length: 25 }, one));
      expect(answered).toBe(1_000);
      expect((await fetch(`${bot.origin}/healthz`)).status).toBe(200);
      expect(down.stats.written).toBe(0);
      expect(down.stats.queued).toBeLessThanOrEqual(queueBound);
      expect(down.stats.dropped).toBeGreaterThanOrEqual(1_000 - queueBound);
    } finally {
      await bot.stop();
      await down.close(100);
    }
  }, 120_000);
});
