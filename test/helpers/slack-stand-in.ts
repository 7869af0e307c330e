import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** One call the app made to the stand-in: a Web API method, or a POST to a response_url. */
export interface Call {
  method: string;
  body: Record<string, unknown>;
  at: number;
  /** The Authorization header: which token the app used. */
  authorization?: string;
}

/** A message the app posted, kept so that conversations.replies can give a thread back as Slack would. */
export interface PostedMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** How the stand-in answers one call: normally, with an error status, never (hang), or by dropping the connection once the request is in (refuse). */
export type Behaviour = 'ok' | 'hang' | 'refuse' | { status: number; retryAfter?: number } | { error: string };

/**
 * A small Slack API on 127.0.0.1 that records every call: the Web API methods the app uses,
 * response_urls it hands out, and (for Socket Mode) a WebSocket that speaks Slack's envelope protocol.
 */
export interface SocketReply {
  envelope_id?: string;
  payload?: Record<string, unknown>;
}

export class SlackStandIn {
  readonly calls: Call[] = [];
  private readonly server: Server;
  private readonly behaviours = new Map<string, Behaviour[]>();
  private readonly hung: ServerResponse[] = [];
  readonly sockets = new WebSocketServer({ noServer: true });
  socket?: WebSocket;
  /** What the app sent back over Socket Mode (acknowledgements, with their payloads), oldest first. */
  readonly socketReplies: SocketReply[] = [];
  private responseUrls = 0;
  /** Messages posted with chat.postMessage (and edited with chat.update), oldest first. */
  readonly messages: PostedMessage[] = [];
  private lastTs = 1_700_000_000;

  constructor() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.sockets.handleUpgrade(req, socket, head, (ws) => {
        this.socket = ws;
        // As Slack does, the connection opens with a hello; the app then acknowledges each envelope.
        ws.on('message', (data) => this.socketReplies.push(JSON.parse(String(data))));
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
        this.sockets.emit('connection', ws);
      });
    });
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A fresh response_url, as Slack puts in each command and button payload. */
  responseUrl(): string {
    return `${this.origin}/response/${++this.responseUrls}`;
  }

  /** The next calls of `method` get these behaviours, in order; after them, normal answers. */
  behave(method: string, ...behaviours: Behaviour[]) {
    this.behaviours.set(method, [...(this.behaviours.get(method) ?? []), ...behaviours]);
  }

  callsTo(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(method: string, count = 1, timeoutMs = 5_000): Promise<Call[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${count} call(s) to ${method}; got ${this.callsTo(method).length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.callsTo(method);
  }

  /** The app's acknowledgement of the envelope sent over Socket Mode with this id. */
  async socketReply(envelopeId: string, timeoutMs = 5_000): Promise<SocketReply> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const reply = this.socketReplies.find((r) => r.envelope_id === envelopeId);
      if (reply) return reply;
      if (Date.now() > deadline) throw new Error(`no acknowledgement for ${envelopeId}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop() {
    for (const res of this.hung) res.destroy();
    for (const client of this.sockets.clients) client.terminate();
    this.server.closeAllConnections();
    this.server.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path.startsWith('/response/') ? 'response_url' : path;
    const behaviour = this.behaviours.get(method)?.shift() ?? 'ok';
    const body = parseBody(raw, req.headers['content-type']);
    this.calls.push({ method, body, at: Date.now(), authorization: req.headers.authorization });
    if (behaviour === 'refuse') {
      req.socket.destroy();
      return;
    }
    if (behaviour === 'hang') {
      this.hung.push(res);
      return;
    }
    if (typeof behaviour === 'object' && 'error' in behaviour) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: behaviour.error }));
      return;
    }
    if (behaviour !== 'ok') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (behaviour.retryAfter !== undefined) headers['retry-after'] = String(behaviour.retryAfter);
      res.writeHead(behaviour.status, headers);
      res.end(JSON.stringify({ ok: false, error: behaviour.status === 429 ? 'ratelimited' : 'internal_error' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.answer(method, body)));
  }

  private nextTs(): string {
    this.lastTs += 1;
    return `${this.lastTs}.000100`;
  }

  /** A thread as conversations.replies gives it: the parent, then the replies; metadata only when asked for. */
  private replies(body: Record<string, unknown>) {
    const withMetadata = String(body.include_all_metadata) === 'true';
    const messages = this.messages
      .filter((m) => m.channel === body.channel && (m.ts === body.ts || m.thread_ts === body.ts))
      .map(({ metadata, ...m }) => ({
        type: 'message',
        user: 'U0BOT',
        bot_id: 'B0BOT',
        ...m,
        ...(withMetadata && metadata ? { metadata } : {}),
      }));
    return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'oauth.v2.access':
        return installationFor(String(body.code));
      case 'auth.test':
        return {
          ok: true,
          url: 'https://example.invalid/',
          team: 'Test',
          user: 'hr-bot',
          team_id: 'T1',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        const message = { ...(body as Omit<PostedMessage, 'ts'>), ts: this.nextTs() };
        this.messages.push(message);
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === body.channel && m.ts === body.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        Object.assign(message, body);
        return { ok: true, channel: message.channel, ts: message.ts };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.replies':
        return this.replies(body);
      case 'views.open':
        return { ok: true, view: { id: 'V1' } };
      case 'apps.connections.open':
        return { ok: true, url: `${this.origin.replace('http', 'ws')}/socket` };
      default:
        return { ok: true };
    }
  }
}

/** Fields the Web API client sends as JSON inside a form. */
const JSON_FIELDS = new Set(['blocks', 'view', 'metadata', 'prompts', 'outputs']);

/** An OAuth grant's code names the workspace it is for, as `T2.anything`; the bot token it yields is that team's. */
export const installedToken = (team: string) => `xoxb-installed-${team}`;

function installationFor(code: string): Record<string, unknown> {
  const team = code.split('.')[0];
  return {
    ok: true,
    app_id: 'A1',
    authed_user: { id: 'U0INSTALLER' },
    scope: 'commands,app_mentions:read,chat:write,im:history',
    token_type: 'bot',
    access_token: installedToken(team),
    bot_user_id: 'U0BOT',
    team: { id: team, name: `Team ${team}` },
    enterprise: null,
    is_enterprise_install: false,
  };
}

function parseBody(raw: string, contentType = ''): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw);
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return body;
}
