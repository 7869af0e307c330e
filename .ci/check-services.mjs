// CI must run the PostgreSQL and Redis tests, never skip them: fail at once if either is unreachable.
import net from 'node:net';
import pg from 'pg';

const fail = (what, error) => {
  console.error(`.ci/run: cannot reach ${what}: ${error.message || error.code || error}`);
  process.exit(1);
};

const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  await client.query('select 1');
  await client.end();
} catch (error) {
  fail(`PostgreSQL at DATABASE_URL`, error);
}

const redis = new URL(process.env.REDIS_URL);
await new Promise((resolve) => {
  const socket = net.connect({ host: redis.hostname, port: Number(redis.port || 6379), timeout: 5_000 });
  socket.on('connect', () => socket.write('PING\r\n'));
  socket.on('data', (data) => {
    socket.end();
    if (!String(data).startsWith('+PONG')) fail('Redis at REDIS_URL', new Error(`answered ${String(data).trim()}`));
    resolve();
  });
  socket.on('timeout', () => fail('Redis at REDIS_URL', new Error('no answer within 5 s')));
  socket.on('error', (error) => fail('Redis at REDIS_URL', error));
});
console.log('.ci/run: PostgreSQL and Redis answer');
