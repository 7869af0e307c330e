import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseStartError } from './errors.js';

/**
 * The embedded database serves one process at a time: a second one (`npm run report` beside the
 * running bot) can leave its folder unopenable. Each process that opens it holds a file beside the
 * folder naming its pid; another process finding it, while that pid lives, is refused. A file left
 * by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  mkdirSync(dirname(dataDir), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder === process.pid) return () => {};
      if (isAlive(holder)) {
        throw new DatabaseStartError(
          `DATA_DIR: ${dataDir} is in use by another process of the bot (pid ${holder}); the embedded database serves one process at a time: stop that one first, or set DATABASE_URL to a PostgreSQL database to use both at once`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  return () => {
    try {
      if (Number(readFileSync(file, 'utf8')) === process.pid) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
