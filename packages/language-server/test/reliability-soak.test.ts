/**
 * Reliability: a soak test (thousands of random edits across many open documents, opening and closing,
 * configuration changes mid-stream) and a privacy test (the server with every outbound network
 * attempt made to fail loudly). The server must answer every request, never crash, publish results
 * that equal a whole-document lint of the final text, and keep its memory flat.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint, resolveConfig } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { afterEach, describe, expect, it } from 'vitest';
import { type Workspace, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const PRELOAD = fileURLToPath(new URL('../../core/test/fixtures/no-network.cjs', import.meta.url));
const MARKER = 'REFRAME-NETWORK-ATTEMPT';

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
});

/** A small deterministic PRNG (mulberry32) so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  'addict',
  ' committed suicide',
  'wheelchair-bound ',
  'claims ',
  '"quoted addict" ',
  '\n\n',
  '\n',
  '. ',
  'The ',
  'patient ',
  'denies chest pain. ',
  '`code addict` ',
  '```\naddict\n```\n',
  '# heading addict\n',
  'x',
  ' ',
  '😀',
  'alcoholic liver disease ',
];

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function start(ws: Workspace, env?: NodeJS.ProcessEnv): Promise<LspClient> {
  const client = new LspClient({ rootDir: ws.dir, settings: { debounceMs: 0 }, ...(env ? { env } : {}) });
  cleanup.push(() => client.kill());
  await client.initialize();
  return client;
}

describe('language server soak', () => {
  it('survives thousands of random edits, opens, closes and config changes with flat memory', async () => {
    const ws = workspace();
    cleanup.push(ws.remove);
    const client = await start(ws);
    const random = rng(20261127);
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const DOCS = 12;
    const uris = Array.from({ length: DOCS }, (_, i) => ws.uri(`note-${i}.${i % 2 ? 'md' : 'txt'}`));
    const open = new Set<string>();
    const lang = (uri: string) => (uri.endsWith('.md') ? 'markdown' : 'plaintext');
    for (const uri of uris) {
      await client.open(uri, lang(uri), 'Progress note.\n\nThe addict was seen.\n');
      open.add(uri);
    }
    const pid = client.child.pid ?? 0;
    const samples: number[] = [];
    const EDITS = 3000;
    let requests = 0;
    for (let i = 0; i < EDITS; i++) {
      const uri = pick([...open]);
      const text = client.text(uri);
      const at = Math.floor(random() * (text.length + 1));
      const doc = client.document(uri);
      const start = doc.positionAt(at);
      const end = doc.positionAt(Math.min(text.length, at + Math.floor(random() * 4)));
      // Mostly inserts, some deletions.
      const insert = random() < 0.7 ? pick(SNIPPETS) : '';
      await client.change(uri, insert, { start, end });
      if (i % 97 === 0) {
        const closing = pick([...open]);
        await client.close(closing);
        open.delete(closing);
        const reopen = pick(uris.filter((u) => !open.has(u)));
        await client.open(reopen, lang(reopen), `Reopened ${i}. Known alcoholic.\n`);
        open.add(reopen);
      }
      if (i % 301 === 0) {
        await client.changeSettings({ debounceMs: 0, preset: i % 2 ? 'training-materials' : 'clinical-notes' });
      }
      if (i % 50 === 0) {
        // The server must answer requests in the middle of the stream.
        const hover = client.hover(uri, { line: 0, character: 1 });
        const actions = client.codeActions(uri, { start, end: start }, []);
        await Promise.all([hover, actions]);
        requests += 2;
      }
      if (i === 500 || i === EDITS - 1) samples.push(rssKb(pid));
    }
    await client.changeSettings({ debounceMs: 0, preset: 'clinical-notes' });
    // Final results for every open document equal a whole-document lint of its final text.
    const ruleSet = loadRuleSet();
    const config = resolveConfig({}, ruleSet);
    for (const uri of open) {
      const doc = client.document(uri);
      const expected = lint(doc.getText(), { ruleSet, config, format: uri.endsWith('.md') ? 'markdown' : 'text' })
        .map((d) => `${d.ruleId}@${d.range.start.offset}`)
        .sort();
      await client.until(() => {
        const got = client.diagnosticsFor(uri, doc.version);
        if (!got) return false;
        const keys = got
          .filter((d) => typeof d.code === 'string')
          .map((d) => `${String(d.code)}@${doc.offsetAt(d.range.start)}`)
          .sort();
        return JSON.stringify(keys) === JSON.stringify(expected);
      }, `final diagnostics for ${uri}`);
    }
    expect(client.child.exitCode).toBeNull();
    const [warm = 0, last = 0] = samples;
    console.log(
      `soak: ${EDITS} edits over ${DOCS} documents, ${requests} mid-stream requests; server RSS ${Math.round(warm / 1024)} MB after 500 edits, ${Math.round(last / 1024)} MB at the end`,
    );
    expect(last).toBeLessThan(warm * 1.5 + 40 * 1024);
    expect(client.logs.join('\n')).not.toMatch(/addict|alcoholic/);
    expect(await client.shutdown()).toBe(0);
  }, 240_000);
});

describe('language server privacy', () => {
  it('works with every outbound network attempt made to fail loudly', async () => {
    const ws = workspace();
    cleanup.push(ws.remove);
    const client = await start(ws, { NODE_OPTIONS: `--require ${PRELOAD}` });
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', 'Her brother committed suicide in 2019.\n');
    const diagnostics = await client.diagnostics(uri);
    expect(diagnostics.map((d) => d.code)).toContain('suicide/committed-suicide');
    await client.executeCommand('reframe.lintWorkspace', []);
    expect(client.stderr).not.toContain(MARKER);
    expect(await client.shutdown()).toBe(0);
  });
});
