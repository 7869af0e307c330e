/**
 * npm run bench: the HTTP path against a bare Bolt app and one acking a ready-made card, the
 * answer engine alone (real and 10,000-story knowledge), start-up time, and a 20,000-request
 * load with memory before and after, and the bot's throughput with recording on against off.
 * Prints a table and writes bench/results.json. Everything runs on 127.0.0.1.
 */
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createAnswerEngine } from '../src/answer/engine.js';
import { createLiveEngine } from '../src/answer/live-engine.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../src/config/env.js';
import { fileIndexStore } from '../src/knowledge/index-store.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { type Entry, startBotProcess } from '../test/helpers/bot-process.js';
import { onPostgres, withSearchPath } from '../test/helpers/database.js';
import { ROOT } from '../test/helpers/paths.js';
import { BOT_TOKEN, eventCallback, SIGNING_SECRET, signatureHeaders, slashCommand } from '../test/helpers/slack-requests.js';
import { SlackStandIn } from '../test/helpers/slack-stand-in.js';
import { generateKnowledge } from './generate-knowledge.js';
import { MISSION_TEXTS, MIXED_QUERIES } from './queries.js';

/** The rate at which the bot's and bare Bolt's p99 are compared: a busy workspace, well below either's ceiling. */
const FIXED_RATE = 300;
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
const MB = 1024 * 1024;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One pass: every query of the mixed set, `rounds` times over, timed one by one. */
function timePass(engine: ReturnType<typeof createAnswerEngine>, rounds: number) {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of MIXED_QUERIES) {
      const started = performance.now();
      engine.answer(q);
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? 0, count: times.length };
}

/** The pass with the median p99 of three, as the HTTP figures are medians of three rounds: one noisy burst cannot decide it. */
function timeEngine(engine: ReturnType<typeof createAnswerEngine>, rounds: number, passes = 3) {
  for (const q of MIXED_QUERIES) engine.answer(q);
  const runs = Array.from({ length: passes }, () => timePass(engine, rounds));
  const median = [...runs].sort((a, b) => a.p99 - b.p99)[Math.floor(passes / 2)];
  return {
    queries: median.count,
    passes,
    p50_ms: round(median.p50, 3),
    p99_ms: round(median.p99, 3),
    max_ms: round(median.max, 3),
    p99_each_pass_ms: runs.map((r) => round(r.p99, 3)),
  };
}

function benchEngine() {
  const real = loadKnowledge(DEFAULT_KNOWLEDGE_DIR);
  const onReal = timeEngine(createAnswerEngine(real), 400);
  const big = generateKnowledge(real, 10_000);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const bigEngine = createAnswerEngine(big);
  const indexBuildMs = performance.now() - started;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / MB;
  const storeDir = mkdtempSync(join(tmpdir(), 'hr-bench-index-'));
  createAnswerEngine(big, { indexStore: fileIndexStore(storeDir) });
  const loadStarted = performance.now();
  createAnswerEngine(big, { indexStore: fileIndexStore(storeDir) });
  const indexLoadMs = performance.now() - loadStarted;
  rmSync(storeDir, { recursive: true });
  const onBig = timeEngine(bigEngine, 20);
  return {
    real: onReal,
    generated: {
      stories: big.stories.length,
      index_build_ms: round(indexBuildMs, 0),
      index_load_saved_ms: round(indexLoadMs, 0),
      index_heap_mb: round(heapMb, 1),
      ...onBig,
    },
  };
}

interface RecordedStats {
  queued: number;
  written: number;
  dropped: number;
}

/**
 * A reload of the real folder with `count` more stories while the bot would be answering: the
 * longest the event loop is held (goal: 50 ms), against loading the same folder at once as
 * start-up does.
 */
async function benchReload(count = 10_000) {
  const dir = mkdtempSync(join(tmpdir(), 'hr-bench-reload-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const stories = join(dir, 'stories');
  const model = readdirSync(stories).find((name) => name.endsWith('.md'));
  if (!model) throw new Error('the knowledge has no story to copy');
  const text = readFileSync(join(stories, model), 'utf8');
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(stories, `bench-${i}.md`),
      text.replace(/^id: .*$/m, `id: bench-${i}`).replace(/^title: (.*)$/m, `title: $1 ${i}`),
    );
  }
  const live = await createLiveEngine(dir, { onReloaded: () => {}, onInvalid: (e) => console.error(e.message.slice(0, 500)) });
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  await live.reload();
  const reloadMs = performance.now() - started;
  delay.disable();
  const atOnceStarted = performance.now();
  createAnswerEngine(loadKnowledge(dir));
  const atOnceMs = performance.now() - atOnceStarted;
  rmSync(dir, { recursive: true });
  return {
    stories: live.current().knowledge.stories.length,
    reload_ms: round(reloadMs, 0),
    longest_stall_ms: round(delay.max / 1e6, 1),
    at_once_ms: round(atOnceMs, 0),
  };
}

interface Server {
  child: ChildProcess;
  port: number;
  memory(): Promise<NodeJS.MemoryUsage>;
  /** What the server's recording queue has written, holds and dropped. */
  recorded(): Promise<RecordedStats>;
  /** CPU time the server has used so far, user and system, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

type ServerKind = 'bare' | 'card' | 'naive' | 'real' | 'recording' | 'services';

async function startServer(kind: ServerKind, slackApiUrl: string, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  const child = fork(here('./serve.ts'), [kind, slackApiUrl, SIGNING_SECRET, BOT_TOKEN], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, ...env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  type Answers = { memory: NodeJS.MemoryUsage; cpu: NodeJS.CpuUsage; recorded: RecordedStats };
  const ask = <K extends keyof Answers>(key: K) =>
    new Promise<Answers[K]>((resolve) => {
      const onMessage = (m: Partial<Answers>) => {
        const answer = m[key];
        if (!answer) return;
        child.off('message', onMessage);
        resolve(answer);
      };
      child.on('message', onMessage);
      child.send({ [key]: true });
    });
  return {
    child,
    port,
    memory: () => ask('memory'),
    recorded: () => ask('recorded'),
    cpuMicros: async () => {
      const { user, system } = await ask('cpu');
      return user + system;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface LoadOptions {
  duration?: number;
  amount?: number;
  connections: number;
  /** A fixed rate for the whole run (requests per second), to compare latencies at the same load. */
  rate?: number;
  /** Every other request a mention with its own event id, so that de-duplication and replies are exercised too. */
  withMentions?: boolean;
  /**
   * Each text padded with trailing spaces past the longest text the bot keeps replies for: the
   * same answers, each worked out afresh, as for texts the bot has not been asked before.
   */
  newTexts?: boolean;
}

const PAST_THE_REPLY_CACHE = ' '.repeat(101);

let mentions = 0;

/** Signed /hr-mission requests with varied texts (and mentions, if asked), signed afresh for each request as Slack does. */
function load(port: number, options: LoadOptions) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.duration }),
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (request) => {
          const i = n++;
          const { body, contentType } =
            options.withMentions && i % 2 === 1
              ? eventCallback(
                  {
                    type: 'app_mention',
                    user: 'U1',
                    text: '<@U0BOT> how many students graduated?',
                    ts: '1700000000.1',
                    channel: 'C1',
                  },
                  `EvMixed${mentions++}`,
                )
              : slashCommand(
                  '/hr-mission',
                  MISSION_TEXTS[i % MISSION_TEXTS.length] + (options.newTexts ? PAST_THE_REPLY_CACHE : ''),
                  'http://127.0.0.1:9/unused',
                );
          return { ...request, body, headers: { 'content-type': contentType, ...signatureHeaders(body) } };
        },
      },
    ],
  });
}

/** Signed app_mention events, each with its own event id, as a busy workspace sends them. */
function eventLoad(port: number, options: { amount: number; connections: number }) {
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: options.connections,
    amount: options.amount,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (request) => {
          const i = n++;
          const text = MIXED_QUERIES[i % MIXED_QUERIES.length].text;
          const { body, contentType } = eventCallback(
            { type: 'app_mention', user: 'U1', text: `<@U0BOT> ${text}`, ts: `1700000000.${i}`, channel: 'C1' },
            `EvBench${i}`,
          );
          return { ...request, body, headers: { 'content-type': contentType, ...signatureHeaders(body) } };
        },
      },
    ],
  });
}

function summary(result: autocannon.Result) {
  return {
    requests_per_s: round(result.requests.average, 0),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** One timed load, with the server's own CPU time per request: both servers are CPU-bound, so this explains the ratio. */
async function measure(server: Server, options: Parameters<typeof load>[1]) {
  const cpuBefore = await server.cpuMicros();
  const result = await load(server.port, options);
  const cpuAfter = await server.cpuMicros();
  return { ...summary(result), cpu_us_per_request: round((cpuAfter - cpuBefore) / result.requests.total, 0) };
}

/**
 * Bare Bolt, Bolt acking a ready-made card, the naive peer, and the bot (on the benchmark's
 * thirteen texts, then on the same texts as if new to it), all running, measured in alternation
 * so that machine noise hits them alike.
 */
async function benchHttp(slackApiUrl: string, rounds = 3, seconds = 5) {
  const kinds = ['bare', 'card', 'naive', 'real'] as const;
  const servers = Object.fromEntries(
    await Promise.all(kinds.map(async (kind) => [kind, await startServer(kind, slackApiUrl)] as const)),
  ) as Record<(typeof kinds)[number], Server>;
  type Run = Awaited<ReturnType<typeof measure>>;
  const runs: Record<(typeof kinds)[number] | 'new_texts', Run[]> = { bare: [], card: [], naive: [], real: [], new_texts: [] };
  const atRate: Record<'bare' | 'real', number[]> = { bare: [], real: [] };
  for (const kind of kinds) await load(servers[kind].port, { duration: Math.min(3, seconds), connections: 10 });
  for (let round = 0; round < rounds; round++) {
    for (const kind of kinds) runs[kind].push(await measure(servers[kind], { duration: seconds, connections: 10 }));
    runs.new_texts.push(await measure(servers.real, { duration: seconds, connections: 10, newTexts: true }));
    for (const kind of ['bare', 'real'] as const) {
      atRate[kind].push((await load(servers[kind].port, { duration: seconds, connections: 10, rate: FIXED_RATE })).latency.p99);
    }
  }
  await Promise.all(Object.values(servers).map((s) => s.stop()));
  const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const median = (kind: keyof typeof runs) => {
    const pick = (key: keyof Run) => runs[kind].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rounds / 2)];
    return {
      requests_per_s: pick('requests_per_s'),
      p50_ms: pick('p50_ms'),
      p99_ms: pick('p99_ms'),
      max_ms: pick('max_ms'),
      errors: pick('errors'),
      cpu_us_per_request: pick('cpu_us_per_request'),
    };
  };
  const bare = median('bare');
  const card = median('card');
  const naive = median('naive');
  const real = median('real');
  const newTexts = median('new_texts');
  return {
    rounds,
    bare,
    card,
    naive,
    real,
    new_texts: newTexts,
    card_throughput_ratio: round(card.requests_per_s / bare.requests_per_s, 3),
    throughput_ratio: round(real.requests_per_s / bare.requests_per_s, 3),
    p99_difference_ms: real.p99_ms - bare.p99_ms,
    bot_to_naive_throughput: round(real.requests_per_s / naive.requests_per_s, 3),
    bot_to_card_throughput: round(real.requests_per_s / card.requests_per_s, 3),
    new_texts_to_naive_throughput: round(newTexts.requests_per_s / naive.requests_per_s, 3),
    at_fixed_rate: {
      requests_per_s: FIXED_RATE,
      bare_p99_ms: medianOf(atRate.bare),
      real_p99_ms: medianOf(atRate.real),
      p99_difference_ms: medianOf(atRate.real) - medianOf(atRate.bare),
    },
  };
}

/**
 * The bot with recording on against the same bot with it off, in alternation in the same run.
 * Recording goes to PostgreSQL in a schema of its own when DATABASE_URL is set, else to PGlite.
 */
async function benchRecording(slackApiUrl: string, rounds = 3, seconds = 5) {
  return withBenchDatabase(async (env, database) => {
    const servers = { off: await startServer('real', slackApiUrl), on: await startServer('recording', slackApiUrl, env) };
    type Run = Awaited<ReturnType<typeof measure>>;
    const runs: Record<'off' | 'on', Run[]> = { off: [], on: [] };
    for (const side of ['off', 'on'] as const)
      await load(servers[side].port, { duration: Math.min(3, seconds), connections: 10 });
    // Each round swaps which goes first, so that a drift in the machine's load favours neither.
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const))
        runs[side].push(await measure(servers[side], { duration: seconds, connections: 10 }));
    }
    const recorded = await servers.on.recorded();
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    const median = (side: 'off' | 'on', key: keyof Run) =>
      runs[side].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rounds / 2)];
    const off = median('off', 'requests_per_s');
    const on = median('on', 'requests_per_s');
    return {
      rounds,
      database,
      off_requests_per_s: off,
      on_requests_per_s: on,
      off_p99_ms: median('off', 'p99_ms'),
      on_p99_ms: median('on', 'p99_ms'),
      off_cpu_us_per_request: median('off', 'cpu_us_per_request'),
      on_cpu_us_per_request: median('on', 'cpu_us_per_request'),
      throughput_ratio: round(on / off, 3),
      recorded,
    };
  });
}

/**
 * Runs `measure` with the settings of a database of its own: a fresh schema on DATABASE_URL's
 * PostgreSQL when it is set, else a scratch PGlite folder; dropped afterwards either way.
 */
async function withBenchDatabase<T>(measure: (env: NodeJS.ProcessEnv, database: 'postgres' | 'pglite') => Promise<T>) {
  const base = process.env.DATABASE_URL?.trim();
  const schema = `bench_${Date.now().toString(36)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'hr-bench-data-'));
  try {
    if (!base) return await measure({ DATABASE_URL: '', DATA_DIR: dataDir }, 'pglite');
    await onPostgres(base, `create schema "${schema}"`);
    return await measure({ DATABASE_URL: withSearchPath(base, schema) }, 'postgres');
  } finally {
    if (base) await onPostgres(base, `drop schema if exists "${schema}" cascade`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * What several replicas need, on against off: the bot with Redis de-duplication (REDIS_URL) and
 * recording to the database (DATABASE_URL's PostgreSQL in a schema of its own, else PGlite), against
 * the bot with both off, on a load where every other request is a mention, so that both are used.
 */
async function benchServices(slackApiUrl: string, rounds = 5, seconds = 5) {
  return withBenchDatabase(async (env, database) => {
    const servers = { off: await startServer('real', slackApiUrl), on: await startServer('services', slackApiUrl, env) };
    type Run = Awaited<ReturnType<typeof measure>>;
    const runs: Record<'off' | 'on', Run[]> = { off: [], on: [] };
    for (const side of ['off', 'on'] as const)
      await load(servers[side].port, { duration: Math.min(3, seconds), connections: 10, withMentions: true });
    // Each round swaps which goes first, as for recording alone.
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const))
        runs[side].push(await measure(servers[side], { duration: seconds, connections: 10, withMentions: true }));
    }
    const recorded = await servers.on.recorded();
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    const median = (side: 'off' | 'on', key: keyof Run) =>
      runs[side].map((r) => r[key]).sort((a, b) => a - b)[Math.floor(rounds / 2)];
    return {
      rounds,
      redis: Boolean(process.env.REDIS_URL?.trim()),
      database,
      off_requests_per_s: median('off', 'requests_per_s'),
      on_requests_per_s: median('on', 'requests_per_s'),
      off_cpu_us_per_request: median('off', 'cpu_us_per_request'),
      on_cpu_us_per_request: median('on', 'cpu_us_per_request'),
      throughput_ratio: round(median('on', 'requests_per_s') / median('off', 'requests_per_s'), 3),
      recorded,
    };
  });
}

/**
 * `npm run build`, then start-up from dist/ to /readyz answering 200, as an operator runs it: the
 * build's first start (which reads the knowledge in full), then `runs` more as installed (PGlite,
 * this process's de-duplication) and, when the benchmark has a REDIS_URL, `runs` with it.
 */
async function benchStartUpFromDist(slackApiUrl: string, runs = 5) {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const entry = { cwd: ROOT, args: ['dist/main.js'] };
  // A temporary folder of their own, where the first start finds no knowledge saved by another run.
  const TMPDIR = mkdtempSync(join(tmpdir(), 'hr-bench-start-'));
  try {
    const first = await benchStartUp(slackApiUrl, 1, entry, { TMPDIR });
    const installed = await benchStartUp(slackApiUrl, runs, entry, { TMPDIR });
    const redisUrl = process.env.REDIS_URL?.trim();
    const withRedis = redisUrl ? await benchStartUp(slackApiUrl, runs, entry, { TMPDIR, REDIS_URL: redisUrl }) : undefined;
    return {
      runs,
      first_start_ms: first.median_ms,
      median_ms: installed.median_ms,
      with_redis_median_ms: withRedis?.median_ms,
    };
  } finally {
    rmSync(TMPDIR, { recursive: true, force: true });
  }
}

async function benchLoad(standIn: SlackStandIn) {
  const slackApiUrl = standIn.apiUrl;
  const server = await startServer('real', slackApiUrl);
  await load(server.port, { amount: 2_000, connections: 50 });
  const before = await server.memory();
  const result = await load(server.port, { amount: 20_000, connections: 50 });
  const after = await server.memory();
  const repliesBefore = standIn.callsTo('chat.postMessage').length;
  const events = await eventLoad(server.port, { amount: 20_000, connections: 50 });
  await new Promise((r) => setTimeout(r, 2_000));
  const replies = standIn.callsTo('chat.postMessage').length - repliesBefore;
  const afterEvents = await server.memory();
  // V8 gives back the memory a burst made it reserve after 20 to 25 s of calm (its memory reducer):
  // what stays after that is what the bot keeps.
  await new Promise((r) => setTimeout(r, 30_000));
  const settled = await server.memory();
  await server.stop();
  return {
    requests: result.requests.total,
    ...summary(result),
    heap_before_mb: round(before.heapUsed / MB, 1),
    heap_after_mb: round(after.heapUsed / MB, 1),
    heap_growth: round(after.heapUsed / before.heapUsed - 1, 3),
    rss_before_mb: round(before.rss / MB, 0),
    rss_after_mb: round(after.rss / MB, 0),
    events: { requests: events.requests.total, ...summary(events), replies },
    rss_after_events_mb: round(afterEvents.rss / MB, 0),
    rss_settled_mb: round(settled.rss / MB, 0),
    heap_after_events_mb: round(afterEvents.heapUsed / MB, 1),
  };
}

/** Start-up to /readyz answering 200 (median of `runs`), as installed unless `env` says otherwise: no Redis, PGlite. */
async function benchStartUp(slackApiUrl: string, runs = 3, entry?: Entry, env: NodeJS.ProcessEnv = {}) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const bot = await startBotProcess(slackApiUrl, { REDIS_URL: '', ...env }, undefined, entry);
    while (
      (await fetch(`${bot.origin}/readyz`).then(
        (r) => r.status,
        () => 0,
      )) !== 200
    )
      await new Promise((r) => setTimeout(r, 5));
    times.push(performance.now() - started);
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  return { runs, median_ms: round(times.sort((a, b) => a - b)[Math.floor(runs / 2)], 0) };
}

// The engine alone (real knowledge and 10,000 stories), with no Slack stand-in: BENCH_ONLY=engine npm run bench
if (process.env.BENCH_ONLY === 'engine') {
  console.log(JSON.stringify(benchEngine(), null, 2));
  process.exit(0);
}
const standIn = await new SlackStandIn().start();
try {
  // A short look at the recording part alone: BENCH_ONLY=recording BENCH_SECONDS=1 npm run bench
  if (process.env.BENCH_ONLY === 'recording') {
    console.log(JSON.stringify(await benchRecording(standIn.apiUrl, 1, Number(process.env.BENCH_SECONDS ?? 1)), null, 2));
    process.exit(0);
  }
  // Redis and the database on against both off, alone: BENCH_ONLY=services npm run bench
  if (process.env.BENCH_ONLY === 'services') {
    console.log(JSON.stringify(await benchServices(standIn.apiUrl, 5, Number(process.env.BENCH_SECONDS ?? 5)), null, 2));
    process.exit(0);
  }
  // A short look at the production part alone: BENCH_ONLY=production BENCH_SECONDS=1 npm run bench
  if (process.env.BENCH_ONLY === 'production') {
    const seconds = Number(process.env.BENCH_SECONDS ?? 1);
    const smoke = {
      start_up_dist: await benchStartUpFromDist(standIn.apiUrl, 3),
      http: await benchHttp(standIn.apiUrl, 1, seconds),
      services: await benchServices(standIn.apiUrl, 1, seconds),
    };
    console.log(JSON.stringify(smoke, null, 2));
    process.exit(0);
  }
  console.error('engine…');
  const engine = benchEngine();
  console.error('reload of the knowledge, and of 10,000 more story files…');
  const reload = { real: await benchReload(0), large: await benchReload() };
  console.error('start-up…');
  const startUp = await benchStartUp(standIn.apiUrl);
  const startUpDist = await benchStartUpFromDist(standIn.apiUrl);
  console.error('HTTP path: bare Bolt, Bolt acking a ready card, and the bot, in turn…');
  const http = await benchHttp(standIn.apiUrl);
  console.error('recording on against off, in turn…');
  const recording = await benchRecording(standIn.apiUrl);
  console.error('Redis and the database on against both off, in turn…');
  const services = await benchServices(standIn.apiUrl);
  console.error('load: 20,000 requests at 50 connections…');
  const loadResult = await benchLoad(standIn);
  const results = {
    date: new Date().toISOString(),
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    engine,
    reload,
    start_up: startUp,
    start_up_dist: startUpDist,
    http,
    recording,
    services,
    load: loadResult,
  };
  writeFileSync(here('./results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const goal = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rows: [string, string, string][] = [
    ['machine', `${results.cores} cores, ${results.cpu}, Node ${results.node}`, ''],
    [
      `engine, real knowledge (median pass of ${engine.real.passes}): p50 / p99`,
      `${engine.real.p50_ms} / ${engine.real.p99_ms} ms`,
      `p99 < 1 ms: ${goal(engine.real.p99_ms < 1)}`,
    ],
    [
      `engine, 10,000 stories (median pass of ${engine.generated.passes}): p50 / p99`,
      `${engine.generated.p50_ms} / ${engine.generated.p99_ms} ms (each pass: ${engine.generated.p99_each_pass_ms.join(', ')})`,
      `p99 < 10 ms: ${goal(engine.generated.p99_ms < 10)}`,
    ],
    ['engine, 10,000 stories: index built', `${engine.generated.index_build_ms} ms`, ''],
    [
      'engine, 10,000 stories: saved index loaded',
      `${engine.generated.index_load_saved_ms} ms`,
      `ready < 1500 ms: ${goal(Math.min(engine.generated.index_build_ms, engine.generated.index_load_saved_ms) < 1500)}`,
    ],
    [
      'engine, 10,000 stories: index heap',
      `${engine.generated.index_heap_mb} MB`,
      `< 150 MB: ${goal(engine.generated.index_heap_mb < 150)}`,
    ],
    ['start-up to /readyz (median)', `${startUp.median_ms} ms`, `< 1000 ms: ${goal(startUp.median_ms < 1000)}`],
    [
      `start-up from dist/ (node dist/main.js) to /readyz, as installed (median of ${startUpDist.runs})`,
      `${startUpDist.median_ms} ms (the build's first start: ${startUpDist.first_start_ms} ms)`,
      `< 500 ms: ${goal(startUpDist.median_ms < 500)}`,
    ],
    [
      `start-up from dist/ to /readyz, with REDIS_URL (median of ${startUpDist.runs})`,
      startUpDist.with_redis_median_ms === undefined ? 'no REDIS_URL' : `${startUpDist.with_redis_median_ms} ms`,
      '',
    ],
    [
      `HTTP, bare Bolt (median of ${http.rounds}): req/s, p50/p99/max`,
      `${http.bare.requests_per_s}, ${http.bare.p50_ms}/${http.bare.p99_ms}/${http.bare.max_ms} ms`,
      '',
    ],
    [
      `HTTP, Bolt acking a ready card (median of ${http.rounds}): req/s, p50/p99/max`,
      `${http.card.requests_per_s}, ${http.card.p50_ms}/${http.card.p99_ms}/${http.card.max_ms} ms`,
      `ceiling for a card: ${http.card_throughput_ratio} of bare`,
    ],
    [
      `HTTP, the bot (median of ${http.rounds}): req/s, p50/p99/max`,
      `${http.real.requests_per_s}, ${http.real.p50_ms}/${http.real.p99_ms}/${http.real.max_ms} ms`,
      '',
    ],
    [
      `HTTP, the bot, every text new (median of ${http.rounds}): req/s, p50/p99/max`,
      `${http.new_texts.requests_per_s}, ${http.new_texts.p50_ms}/${http.new_texts.p99_ms}/${http.new_texts.max_ms} ms`,
      `÷ naive peer: ${http.new_texts_to_naive_throughput}`,
    ],
    [
      'HTTP, server CPU per request: bare / card / naive / bot / bot, every text new',
      `${http.bare.cpu_us_per_request} / ${http.card.cpu_us_per_request} / ${http.naive.cpu_us_per_request} / ${http.real.cpu_us_per_request} / ${http.new_texts.cpu_us_per_request} µs`,
      '',
    ],
    [
      `HTTP, the naive peer (Bolt + MiniSearch fuzzy/prefix, top hit as a card): req/s, p50/p99`,
      `${http.naive.requests_per_s}, ${http.naive.p50_ms}/${http.naive.p99_ms} ms`,
      '',
    ],
    ['HTTP, bot / bare throughput', `${http.throughput_ratio}`, `>= 0.85: ${goal(http.throughput_ratio >= 0.85)}`],
    ...[reload.real, reload.large].map((r): [string, string, string] => [
      `reload, ${r.stories} stories: longest stall / whole reload`,
      `${r.longest_stall_ms} / ${r.reload_ms} ms (at once: ${r.at_once_ms} ms)`,
      `stall <= 50 ms: ${goal(r.longest_stall_ms <= 50)}`,
    ]),
    ['HTTP, p99 difference', `${http.p99_difference_ms} ms`, `<= 2 ms: ${goal(http.p99_difference_ms <= 2)}`],
    [
      'HTTP, bot / naive peer throughput',
      `${http.bot_to_naive_throughput}`,
      `>= 1.2: ${goal(http.bot_to_naive_throughput >= 1.2)}`,
    ],
    [
      'HTTP, bot / Bolt acking a median-sized card',
      `${http.bot_to_card_throughput}`,
      `>= 0.75: ${goal(http.bot_to_card_throughput >= 0.75)}`,
    ],
    [
      `HTTP at a fixed ${http.at_fixed_rate.requests_per_s} req/s: p99 bot / bare`,
      `${http.at_fixed_rate.real_p99_ms} / ${http.at_fixed_rate.bare_p99_ms} ms (difference ${http.at_fixed_rate.p99_difference_ms} ms)`,
      `<= 2 ms: ${goal(http.at_fixed_rate.p99_difference_ms <= 2)}`,
    ],
    [
      `Redis ${services.redis ? 'on' : 'ABSENT'} + database (${services.database}) on / both off (median of ${services.rounds}): req/s, commands and mentions`,
      `${services.on_requests_per_s} / ${services.off_requests_per_s} = ${services.throughput_ratio}; bot's CPU ${services.on_cpu_us_per_request} / ${services.off_cpu_us_per_request} µs per request; ${services.recorded.written} written, ${services.recorded.dropped} dropped`,
      `>= 0.9: ${goal(services.throughput_ratio >= 0.9)}`,
    ],
    [
      `recording on (${recording.database}) / off: req/s (median of ${recording.rounds})`,
      `${recording.on_requests_per_s} / ${recording.off_requests_per_s} = ${recording.throughput_ratio}; p99 ${recording.on_p99_ms} / ${recording.off_p99_ms} ms; bot's CPU ${recording.on_cpu_us_per_request} / ${recording.off_cpu_us_per_request} µs per request; ${recording.recorded.written} written, ${recording.recorded.dropped} dropped`,
      `>= 0.95: ${goal(recording.throughput_ratio >= 0.95)}`,
    ],
    [
      'load: 20,000 at 50 connections',
      `${loadResult.requests_per_s} req/s, p99 ${loadResult.p99_ms} ms, ${loadResult.errors} errors`,
      `0 errors: ${goal(loadResult.errors === 0)}`,
    ],
    [
      'load: heap after warm-up → after',
      `${loadResult.heap_before_mb} → ${loadResult.heap_after_mb} MB`,
      `growth <= 20%: ${goal(loadResult.heap_growth <= 0.2)}`,
    ],
    [
      'load: 20,000 mentions (unique event ids) at 50 connections',
      `${loadResult.events.requests_per_s} req/s, ${loadResult.events.errors} errors, ${loadResult.events.replies} answered (the rest dropped as overload)`,
      `0 errors: ${goal(loadResult.events.errors === 0)}`,
    ],
    [
      'resident memory: after warm-up → commands → mentions → 30 s later',
      `${loadResult.rss_before_mb} → ${loadResult.rss_after_mb} → ${loadResult.rss_after_events_mb} → ${loadResult.rss_settled_mb} MB (heap ${loadResult.heap_after_events_mb} MB)`,
      `< 150 MB after the load: ${goal(loadResult.rss_settled_mb < 150)}`,
    ],
  ];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(width[i])).join('  │  '));
  console.log('\nWritten to bench/results.json');
} finally {
  await standIn.stop();
}
