import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { fixtureKnowledge, knowledgeCopy, realKnowledge } from '../helpers/knowledge.js';
import { FIXTURE_KNOWLEDGE_DIR } from '../helpers/paths.js';
import { runScript } from '../helpers/run-cli.js';

/** The answers below are the fixture knowledge's. */
const onFixture = { KNOWLEDGE_DIR: FIXTURE_KNOWLEDGE_DIR };
const ask = (args: string[], input?: string) => runScript('src/cli/ask.ts', args, { input, env: onFixture });

describe('npm run ask', () => {
  it('prints a readable answer', async () => {
    const { code, stdout } = await ask(['--command', '/hr-mission', 'MINUSCA']);
    expect(code).toBe(0);
    expect(stdout).toContain('MINUSCA · CENTRAL AFRICAN REPUBLIC');
    expect(stdout).toContain('[Share in channel]');
  });

  it('--json prints the one object other tools depend on', async () => {
    const { code, stdout } = await ask(['--command', '/hr-mission', '--json', 'Sudan']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['status', 'results', 'text', 'blocks']);
    expect(answer.status).toBe('ambiguous');
    expect(answer.results).toEqual([
      { type: 'mission', id: 'UNAMID', title: 'UNAMID · Darfur, Sudan', score: expect.any(Number) },
      { type: 'mission', id: 'UNMISS', title: 'UNMISS · South Sudan', score: expect.any(Number) },
    ]);
    expectWithinBlockKitLimits(answer);
  });

  it('a question without --command', async () => {
    const answer = JSON.parse((await ask(['--json', 'what', 'is', 'the', 'role', 'of', 'OHCHR?'])).stdout);
    expect(answer.results[0]).toMatchObject({ type: 'topic', id: 'ohchr-support' });
  });

  it('--jsonl takes a follow-up with its context, and refuses a context of the wrong kind', async () => {
    const { stories } = fixtureKnowledge();
    const [story] = stories;
    const aboutItsMission = [
      story.missions[0],
      ...stories.filter((s) => s.missions.includes(story.missions[0])).map((s) => s.id),
    ];
    const input = [
      JSON.stringify({ text: 'and is it still active?', context: { entryId: story.id } }),
      JSON.stringify({ text: 'and is it still active?', context: story.id }),
    ].join('\n');
    const { code, stdout } = await ask(['--jsonl'], input);
    expect(code).toBe(0);
    const [followUp, refused] = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(aboutItsMission).toContain(followUp.results[0].id);
    expect(refused).toEqual({ error: expect.stringContaining('"context" must be an object'), line: 2 });
  });

  it('--jsonl stops quietly when its reader goes away (`| head -1`)', async () => {
    const input = Array.from({ length: 3_000 }, () => '{"command": "/hr-mission", "text": "MINUSCA"}').join('\n');
    const run = await runScript('src/cli/ask.ts', ['--jsonl'], { input, env: onFixture, firstLineOnly: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.split('\n')[0])).toMatchObject({ status: 'found' });
  });

  it('--jsonl answers each line in order, with one error object per bad line', async () => {
    const input = [
      '{"command": "/hr-mission", "text": "MINUSCA"}',
      'not json',
      '{"command": "/hr-bogus", "text": "x"}',
      `{"command": "/hr-story", "text": "${'a'.repeat(4001)}"}`,
      '',
      '{"text": "how many students graduated?"}',
      '{"command": null, "text": "what are the goals?"}',
    ].join('\n');
    const { code, stdout } = await ask(['--jsonl'], input);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ status: 'found', results: [{ id: 'MINUSCA' }] });
    expect(lines[1]).toEqual({ error: expect.stringMatching(/^line 2: not valid JSON/), line: 2 });
    expect(lines[2]).toEqual({ error: expect.stringContaining('line 3: unknown command "/hr-bogus"'), line: 3 });
    expect(lines[3]).toEqual({
      error: expect.stringContaining('line 4: the text is 4001 characters long; keep it under 4000'),
      line: 4,
    });
    expect(lines[4].results[0].id).toBe('unmik-human-rights-masters');
    expect(lines[5].results[0].id).toBe('goals');
  });

  it('an unknown command or option is a clear error', async () => {
    const bad = await ask(['--command', '/hr-missions', 'Mali']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown command "/hr-missions": use /hr-mission or /hr-story');
    const option = await ask(['--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--bogus'");
    expect(option.stderr).toContain('Usage:');
  });

  it('a knowledge folder that does not exist is told as such, once, and stops with exit 1', async () => {
    const { code, stderr } = await runScript('src/cli/ask.ts', ['Mali'], { env: { KNOWLEDGE_DIR: '/nonexistent' } });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'The knowledge has 1 problem:',
      '  /nonexistent: the knowledge folder does not exist: set KNOWLEDGE_DIR to the folder holding missions/, topics/, stories/ and sources.yml, or leave it unset for ./knowledge',
    ]);
  });
});

describe('npm run kb:check', () => {
  it('says the knowledge is valid, with what it holds', async () => {
    const { code, stdout } = await runScript('src/cli/kb-check.ts');
    expect(code).toBe(0);
    const kb = realKnowledge();
    expect(stdout).toContain(
      `Knowledge is valid: ${kb.missions.length} missions, ${kb.topics.length} topics, ${kb.stories.length} stories`,
    );
  });
});

describe('npm run kb:check on a folder with files the bot does not read', () => {
  it("names each, with the name that would be read, and leaves editors' leftovers out", async () => {
    const kb = knowledgeCopy();
    try {
      kb.write('stories/new-story.txt', 'A story saved as plain text.\n');
      kb.write('stories/notepad.md.txt', 'A story Notepad saved with its own extension.\n');
      kb.write('missions/UNMISS.yaml', 'id: UNMISS\n');
      kb.write('stories/.new-story.md.swp', 'swap');
      kb.write('stories/new-story.md~', 'backup');
      const { code, stdout } = await runScript('src/cli/kb-check.ts', [kb.dir]);
      expect(code).toBe(0);
      expect(stdout.trim().split('\n').slice(1)).toEqual([
        '  missions/UNMISS.yaml: not read, only .yml files are; rename it UNMISS.yml if it is one',
        '  stories/new-story.txt: not read, only .md files are; rename it new-story.md if it is one',
        '  stories/notepad.md.txt: not read, only .md files are; rename it notepad.md if it is one',
      ]);
    } finally {
      kb.remove();
    }
  });
});

describe('KNOWLEDGE_DIR set in .env', () => {
  it('is the folder that kb:check checks, ask answers from and npm start serves', async () => {
    const kb = knowledgeCopy();
    const workDir = mkdtempSync(join(tmpdir(), 'hr-env-'));
    try {
      kb.edit('stories/unmik-human-rights-masters.md', /^title: .*$/m, 'title: Text TK');
      writeFileSync(join(workDir, '.env'), `KNOWLEDGE_DIR=${kb.dir}\n`);
      const fromEnvFile = { cwd: workDir, env: { KNOWLEDGE_DIR: undefined }, input: '/hr-mission Mali\n' };
      for (const script of ['src/cli/kb-check.ts', 'src/cli/ask.ts', 'src/main.ts']) {
        const { code, stderr } = await runScript(script, script.endsWith('ask.ts') ? ['Mali'] : [], fromEnvFile);
        expect(code, script).toBe(1);
        expect(stderr, script).toContain('stories/unmik-human-rights-masters.md:3: contains the placeholder "TK"');
      }
    } finally {
      kb.remove();
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});

describe('npm start without Slack credentials', () => {
  it('opens the console, answers piped lines and exits at end of input', async () => {
    const input = '/hr-mission MINUSCA\n/hr-story Kosovo\nwhat does the human rights team do?\n/hr-nope\n';
    const { code, stdout } = await runScript('src/main.ts', [], { input, env: onFixture });
    expect(code).toBe(0);
    expect(stdout).toContain('MINUSCA · CENTRAL AFRICAN REPUBLIC');
    expect(stdout).toContain('MASTERS IN HUMAN RIGHTS IN KOSOVO* · UNMIK');
    expect(stdout).toContain('*References to Kosovo shall be understood');
    expect(stdout).toContain('Core activities undertaken by the human rights section');
    expect(stdout).toContain('Sorry, unknown command "/hr-nope"');
  });

  it('is one conversation: a follow-up is read about the entry last found, until an answer about several', async () => {
    const input = '/hr-mission MINUSTAH\nthanks!\nis it still active?\n/hr-mission Sudan\nis it still active?\n';
    const { code, stdout } = await runScript('src/main.ts', [], { input, env: onFixture });
    expect(code).toBe(0);
    const [afterThanks, afterChoice] = stdout.split('could mean more than one mission');
    // The card, then help for the thanks, then the card again: "it" is MINUSTAH, not every active mission.
    expect(afterThanks.match(/MINUSTAH · HAITI/g)).toHaveLength(2);
    expect(afterThanks).not.toContain('MISSIONS WITH A HUMAN RIGHTS TEAM');
    // After "Sudan" could mean two missions, "it" is neither of them, nor MINUSTAH from before.
    expect(afterChoice).not.toContain('MINUSTAH · HAITI');
  });

  it('stops at start-up on a half-made configuration, naming the variable and where to find it', async () => {
    const { code, stderr } = await runScript('src/main.ts', [], { env: { SLACK_BOT_TOKEN: 'xoxb-1' } });
    expect(code).toBe(1);
    expect(stderr).toContain('neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is set');
    expect(stderr).toContain('Basic Information → App Credentials → Signing Secret');
    expect(stderr).not.toContain('xoxb-1');
  });
});
