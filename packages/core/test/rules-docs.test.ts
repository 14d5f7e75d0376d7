/** The generated rule reference: the script runs as a process, writes every rule and detects staleness. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledRuleSet } from './helpers.js';

const script = fileURLToPath(new URL('../scripts/generate-rule-docs.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'reframe-docs-'));
const file = join(dir, 'README.md');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args, '--file', file], { encoding: 'utf8' });

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generate-rule-docs', () => {
  it('writes a reference that names every rule with its sources', () => {
    expect(run().status).toBe(0);
    const text = readFileSync(file, 'utf8');
    for (const rule of bundledRuleSet().rules.values()) {
      expect(text).toContain(`\`${rule.data.id}\``);
      for (const s of rule.sources) expect(text).toContain(`[${s.key}](${s.url})`);
    }
  });
  it('--check passes on a fresh file and fails with a clear message on a stale one', () => {
    expect(run().status).toBe(0);
    expect(run('--check').status).toBe(0);
    appendFileSync(file, '\nhand edit\n');
    const stale = run('--check');
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/out of date.*pnpm docs:rules/);
  });
  it('the committed rules/README.md is up to date', () => {
    const committed = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(committed.stderr).toBe('');
    expect(committed.status).toBe(0);
  });
});
