import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../src/store/data-dir-lock.js';
import { DatabaseStartError } from '../../src/store/errors.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hr-lock-'));
  folders.push(dir);
  return join(dir, 'data');
};
/** A pid that no process has any more. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;
const BOOT_ID = '/proc/sys/kernel/random/boot_id';
const thisBoot = existsSync(BOOT_ID) ? readFileSync(BOOT_ID, 'utf8').trim() : '';

describe('the embedded database folder, one process at a time', () => {
  it('is refused while a live process of this boot holds it, naming its pid', () => {
    const data = dataDir();
    writeFileSync(`${data}.lock`, `${process.ppid} ${thisBoot}`);
    expect(() => lockDataDir(data)).toThrow(DatabaseStartError);
    expect(() => lockDataDir(data)).toThrow(
      new RegExp(`^DATA_DIR: .* is in use by another process of the bot \\(pid ${process.ppid}\\)`),
    );
  });

  it('is taken over from a process that died, or one of an earlier boot whose pid lives again, and given back', () => {
    const data = dataDir();
    const leftovers = [
      `${deadPid()} ${thisBoot}`,
      `${process.ppid} an-earlier-boot`,
      String(deadPid()),
      `${process.pid} ${thisBoot}`,
    ];
    for (const left of leftovers) {
      writeFileSync(`${data}.lock`, left);
      const release = lockDataDir(data);
      expect(readFileSync(`${data}.lock`, 'utf8')).toBe(`${process.pid} ${thisBoot}`);
      release();
      expect(existsSync(`${data}.lock`)).toBe(false);
    }
  });

  it('opened twice by the same process is given back with the last opening only', () => {
    const data = dataDir();
    const first = lockDataDir(data);
    const second = lockDataDir(data);
    first();
    first();
    expect(existsSync(`${data}.lock`)).toBe(true);
    second();
    expect(existsSync(`${data}.lock`)).toBe(false);
  });

  it("is not given back for another process's lock that replaced it", () => {
    const data = dataDir();
    const release = lockDataDir(data);
    writeFileSync(`${data}.lock`, `${process.ppid} ${thisBoot}`);
    release();
    expect(readFileSync(`${data}.lock`, 'utf8')).toBe(`${process.ppid} ${thisBoot}`);
  });

  it('that cannot be written beside names DATA_DIR and the file, in one line', () => {
    const file = join(dataDir(), '..', 'a-file');
    writeFileSync(file, '');
    expect(() => lockDataDir(join(file, 'data'))).toThrow(
      /^DATA_DIR: could not write .*a-file\/data\.lock \(\w+\): the folder holding DATA_DIR must be writable by the bot$/,
    );
  });
});
