import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-8f2c';
export const BOT_TOKEN = 'xoxb-test-bot-token-5d1e';

type Headers = Record<string, string>;

/** Slack's request signature: v0= + HMAC-SHA256 of "v0:{timestamp}:{raw body}". */
export function signatureHeaders(
  body: string,
  { secret = SIGNING_SECRET, timestamp = Math.floor(Date.now() / 1000) } = {},
): Headers {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

export interface SlackRequest {
  body: string;
  contentType: string;
}

export function slashCommand(command: string, text: string, responseUrl: string, user = 'U1', team = 'T1'): SlackRequest {
  const form = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: team,
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'someone',
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  });
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export function eventCallback(event: Record<string, unknown>, eventId: string, team = 'T1'): SlackRequest {
  const envelope = {
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A1',
    event: { event_ts: '1700000000.000100', ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1700000000,
    authorizations: [{ team_id: team, user_id: 'U0BOT', is_bot: true }],
  };
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

/** A user's mention of the bot in a channel, in a thread (`thread`) or starting one. */
export function mentionEvent(text: string, { channel, ts, thread }: { channel: string; ts: string; thread?: string }) {
  return { type: 'app_mention', user: 'U1', text: `<@U0BOT> ${text}`, ts, channel, ...(thread ? { thread_ts: thread } : {}) };
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl?: string;
  container: Record<string, unknown>;
  view?: Record<string, unknown>;
  user?: string;
  /** The element clicked: a button, or Slack's feedback buttons (whose value is the half clicked). */
  type?: 'button' | 'feedback_buttons';
}

export function blockAction({
  actionId,
  value,
  responseUrl,
  container,
  view,
  user = 'U1',
  type = 'button',
}: ButtonClick): SlackRequest {
  const payload = {
    type: 'block_actions',
    user: { id: user, username: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    container,
    trigger_id: '123.456.def',
    team: { id: 'T1', domain: 'test' },
    channel: { id: 'C1', name: 'general' },
    ...(responseUrl ? { response_url: responseUrl } : {}),
    ...(view ? { view } : {}),
    actions: [
      {
        type,
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.0001',
      },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}

/** Sends a request to the app, signed unless told otherwise. */
export async function send(url: string, request: SlackRequest, headers: Headers = signatureHeaders(request.body)) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': request.contentType, ...headers },
    body: request.body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

const interactive = (payload: Record<string, unknown>): SlackRequest => ({
  body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  contentType: 'application/x-www-form-urlencoded',
});

/** A message shortcut used on a message: Slack's `message_action` payload. */
export function messageShortcut(callbackId: string, text: string, responseUrl: string, user = 'U1'): SlackRequest {
  return interactive({
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: '123.456.ghi',
    message_ts: '1700000000.000900',
    response_url: responseUrl,
    message: { type: 'message', user: 'U2', ts: '1700000000.000900', text },
    user: { id: user, name: 'someone' },
    channel: { id: 'C1', name: 'general' },
    team: { id: 'T1', domain: 'test' },
    token: 'deprecated-verification-token',
    action_ts: '1700000001.0002',
    api_app_id: 'A1',
  });
}

/** What Slack sends while someone types in an external_select: `block_suggestion`. */
export function blockSuggestion(actionId: string, value: string, user = 'U1'): SlackRequest {
  return interactive({
    type: 'block_suggestion',
    user: { id: user, username: 'someone', team_id: 'T1' },
    container: { type: 'view', view_id: 'V1' },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    action_id: actionId,
    block_id: 'search',
    value,
    team: { id: 'T1', domain: 'test' },
    view: { id: 'V1', type: 'home' },
  });
}

/** An option chosen in an external_select of the Home tab. */
export function optionChosen(actionId: string, value: string, user = 'U1'): SlackRequest {
  return interactive({
    type: 'block_actions',
    user: { id: user, username: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    container: { type: 'view', view_id: 'V1' },
    trigger_id: '123.456.jkl',
    team: { id: 'T1', domain: 'test' },
    view: { id: 'V1', type: 'home' },
    actions: [
      {
        type: 'external_select',
        action_id: actionId,
        block_id: 'search',
        selected_option: { text: { type: 'plain_text', text: 'x' }, value },
        action_ts: '1700000001.0003',
      },
    ],
  });
}

/** A workflow reaching the app's custom step: the `function_executed` event. */
export function functionExecuted(callbackId: string, inputs: Record<string, unknown>, executionId: string, eventId: string) {
  return eventCallback(
    {
      type: 'function_executed',
      function: { id: 'Fn1', callback_id: callbackId, title: 'x', app_id: 'A1' },
      inputs,
      function_execution_id: executionId,
      workflow_execution_id: 'Wx1',
      bot_access_token: 'xwfp-test-workflow-token',
    },
    eventId,
  );
}

/** A modal's submission: its callback id, private metadata and the values typed in its inputs. */
export function viewSubmission(
  callbackId: string,
  privateMetadata: string,
  values: Record<string, Record<string, { type: string; value: string | null }>>,
  user = 'U1',
): SlackRequest {
  return interactive({
    type: 'view_submission',
    team: { id: 'T1', domain: 'test' },
    user: { id: user, username: 'someone', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'deprecated-verification-token',
    trigger_id: '123.456.ghi',
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: '1.abc',
      app_id: 'A1',
      bot_id: 'B0BOT',
    },
  });
}
