import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseStartError } from './errors.js';

/** This boot of the machine: a pid written before a restart says nothing of the processes after it. */
function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

/**
 * The embedded database serves one process at a time: a second one (`npm run report` beside the
 * running bot) can leave its folder unopenable. Each process that opens it holds a file beside the
 * folder naming its pid and the machine's boot; another process finding it, while that pid lives
 * in this boot, is refused. A file left by a process that died is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  const ours = `${process.pid} ${bootId()}`;
  // Opened again by this process (tests do): the lock it holds is counted, and given back with the last.
  const held = heldHere.get(file);
  if (held !== undefined) {
    heldHere.set(file, held + 1);
    return releaser(file, ours);
  }
  const staged = `${file}.${process.pid}`;
  try {
    mkdirSync(dirname(dataDir), { recursive: true });
    // Written aside and linked into place: the lock never exists without its content.
    writeFileSync(staged, ours);
    for (let attempt = 0; !placed(staged, file); attempt++) {
      const found = contentOf(file);
      // Released between the two steps: try again.
      if (found === undefined) continue;
      const holder = holderIn(found);
      // One naming this very process, which does not hold it, was left by an earlier one of its pid.
      if (holder !== undefined && holder !== process.pid) refuse(dataDir, holder);
      if (attempt > 2) {
        throw new DatabaseStartError(`DATA_DIR: ${dataDir} is being opened by another process at this moment: try again`);
      }
      moveAsideIfStill(file, found);
    }
  } catch (error) {
    if (error instanceof DatabaseStartError) throw error;
    throw new DatabaseStartError(
      `DATA_DIR: could not write ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): the folder holding DATA_DIR must be writable by the bot`,
    );
  } finally {
    try {
      rmSync(staged, { force: true });
    } catch {
      // Nothing could be staged there.
    }
  }
  heldHere.set(file, 1);
  return releaser(file, ours);
}

/** The lock files this process holds, with how many of its openings hold each. */
const heldHere = new Map<string, number>();

function releaser(file: string, ours: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (heldHere.get(file) ?? 1) - 1;
    if (left > 0) return void heldHere.set(file, left);
    heldHere.delete(file);
    try {
      if (contentOf(file) === ours) rmSync(file, { force: true });
    } catch {
      // Left behind: the next process takes it over once this one has ended.
    }
  };
}

/** Links the staged lock into place; false when a lock is there already. */
function placed(staged: string, file: string): boolean {
  try {
    linkSync(staged, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Moves a dead process's lock out of the way, unless another process replaced it meanwhile: then
 * that one is put back (the next attempt finds it alive).
 */
function moveAsideIfStill(file: string, judged: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (readFileSync(aside, 'utf8') !== judged) placed(aside, file);
  rmSync(aside, { force: true });
}

function contentOf(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The pid a lock's content names, if that process is alive in this boot. */
function holderIn(content: string): number | undefined {
  const [pid, boot] = content.trim().split(' ');
  if (boot && boot !== bootId()) return undefined;
  const holder = Number(pid);
  return isAlive(holder) ? holder : undefined;
}

function refuse(dataDir: string, holder: number): never {
  throw new DatabaseStartError(
    `DATA_DIR: ${dataDir} is in use by another process of the bot (pid ${holder}); the embedded database serves one process at a time: stop that one first, or set DATABASE_URL to a PostgreSQL database to use both at once`,
  );
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
