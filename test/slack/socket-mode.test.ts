import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { decodeOrigin, SEARCH_ACTION } from '../../src/render/actions.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { fixtureEngine } from '../helpers/knowledge.js';
import { capturedLogger } from '../helpers/log-lines.js';
import { TEST_DELIVERY } from '../helpers/running-app.js';
import { BOT_TOKEN } from '../helpers/slack-requests.js';
import { SlackStandIn } from '../helpers/slack-stand-in.js';

const APP_TOKEN = 'xapp-test-app-token-77aa';
let standIn: SlackStandIn;
let slack: SlackApp;
let socket: WebSocket;
const captured = capturedLogger();

beforeAll(async () => {
  standIn = await new SlackStandIn().start();
  slack = createSlackApp({
    config: {
      mode: 'socket',
      botToken: BOT_TOKEN,
      appToken: APP_TOKEN,
      slackApiUrl: standIn.apiUrl,
      logLevel: 'info',
      knowledgeDir: '',
    },
    engine: () => fixtureEngine(),
    logger: captured.logger,
    delivery: TEST_DELIVERY,
  });
  await slack.start();
  socket = standIn.socket as WebSocket;
});
afterAll(async () => {
  await slack.stop();
  await standIn.stop();
});

const acknowledgement = (envelopeId: string) => standIn.socketReply(envelopeId);

describe('Socket Mode, end to end', () => {
  it('connects through apps.connections.open with the app token', () => {
    expect(standIn.callsTo('apps.connections.open')).toHaveLength(1);
    expect(socket).toBeDefined();
  });

  it('acknowledges a slash command by envelope id, with the answer as its payload', async () => {
    socket.send(
      JSON.stringify({
        envelope_id: 'env-command-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          command: '/hr-mission',
          text: 'Haïti',
          user_id: 'U1',
          channel_id: 'C1',
          team_id: 'T1',
          api_app_id: 'A1',
          response_url: standIn.responseUrl(),
          trigger_id: 't',
        },
      }),
    );
    const ack = (await acknowledgement('env-command-1')) as unknown as {
      payload: { response_type: string; blocks: { text: { text: string } }[] };
    };
    expect(ack.payload.response_type).toBe('ephemeral');
    expect(ack.payload.blocks[0].text.text).toBe('MINUSTAH · Haiti');
  });

  it('acknowledges an events_api envelope and answers the mention in its thread', async () => {
    socket.send(
      JSON.stringify({
        envelope_id: 'env-event-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: {
          type: 'event_callback',
          team_id: 'T1',
          api_app_id: 'A1',
          event_id: 'EvSocket1',
          event_time: 1700000000,
          event: {
            type: 'app_mention',
            user: 'U1',
            text: '<@U0BOT> what is the role of OHCHR?',
            ts: '1700000002.000100',
            channel: 'C9',
            event_ts: '1700000002.000100',
          },
        },
      }),
    );
    await acknowledgement('env-event-1');
    const [reply] = await standIn.waitFor('chat.postMessage');
    expect(reply.body).toMatchObject({ channel: 'C9', thread_ts: '1700000002.000100' });
    expect(reply.body.text).toContain('The Office of the High Commissioner for Human Rights (OHCHR) provides expertise');
  });

  it('answers the Home tab type-ahead in the acknowledgement of its envelope', async () => {
    const [mission] = fixtureEngine().knowledge.missions;
    socket.send(
      JSON.stringify({
        envelope_id: 'env-suggestion-1',
        type: 'interactive',
        accepts_response_payload: true,
        payload: {
          type: 'block_suggestion',
          user: { id: 'U1', team_id: 'T1' },
          team: { id: 'T1', domain: 'test' },
          api_app_id: 'A1',
          action_id: SEARCH_ACTION,
          block_id: 'search',
          value: mission.id,
          container: { type: 'view', view_id: 'V1' },
        },
      }),
    );
    const ack = (await acknowledgement('env-suggestion-1')) as unknown as {
      payload: { option_groups: { options: { value: string }[] }[] };
    };
    const values = ack.payload.option_groups.flatMap((g) => g.options.map((o) => decodeOrigin(o.value)));
    expect(values).toContainEqual({ type: 'mission', id: mission.id });
  });

  it('keeps the app token out of the logs', () => {
    expect(captured.text()).not.toContain(APP_TOKEN);
    expect(captured.text()).not.toContain(BOT_TOKEN);
  });
});
