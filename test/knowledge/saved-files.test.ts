import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { savedFiles } from '../../src/knowledge/saved-files.js';

const root = mkdtempSync(join(tmpdir(), 'hr-saved-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('values saved between starts', () => {
  it('are kept in a folder only this user may write in, and read back', () => {
    const dir = join(root, 'own');
    const saved = savedFiles<{ n: number }>(dir);
    saved.save('k', { n: 1 });
    expect(saved.load('k')).toEqual({ n: 1 });
  });

  it('are not read from, nor written to, a folder others may write in: they could have planted its files', () => {
    const dir = join(root, 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    writeFileSync(join(dir, 'k.json'), JSON.stringify({ n: 666 }));
    const saved = savedFiles<{ n: number }>(dir);
    expect(saved.load('k')).toBeUndefined();
    saved.save('j', { n: 2 });
    expect(readdirSync(dir)).toEqual(['k.json']);
  });
});
