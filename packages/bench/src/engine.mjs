/**
 * In-process engine timings (no process start-up, rule set already loaded, warm): the fast path next
 * to the full-parse reference path on the same corpora, and the opt-in equality pack's extra cost.
 *
 *   node src/engine.mjs [--with-full-10mb]
 * The full path on 10 MB and on the 5 MB single-line file takes minutes (it grows with the square of
 * the block size), so it runs only when asked.
 */
import { readFileSync } from 'node:fs';
import * as core from '@reframe/core';
import * as internal from '@reframe/core/internal';
import * as coreNode from '@reframe/core/node';
import { ensureCorpora } from './corpus.mjs';

const withFullLarge = process.argv.includes('--with-full-10mb');

const manifest = ensureCorpora({ log: (m) => process.stderr.write(`${m}\n`) });
const ruleSet = coreNode.loadRuleSet();
const config = core.resolveConfig({}, ruleSet);
const equality = core.resolveConfig({ packs: ['equality'] }, ruleSet);

function time(fn) {
  const started = performance.now();
  const result = fn();
  return { ms: performance.now() - started, result };
}

core.lint('Warm-up: he is an addict.', { ruleSet, config });
const rows = [
  '| corpus | MB | fast ms | fast MB/s | full ms | full MB/s | same findings | fast + equality ms |',
  '|---|---|---|---|---|---|---|---|',
];
for (const file of manifest.files) {
  const text = readFileSync(file.path, 'utf8');
  const format = file.kind;
  const size = file.bytes / 1024 / 1024;
  const fast = time(() => core.lint(text, { ruleSet, config, format }));
  const large = size > 4;
  const full = large && !withFullLarge ? undefined : time(() => internal.lintBy('reference', text, { ruleSet, config, format }));
  const same = full ? JSON.stringify(full.result) === JSON.stringify(fast.result) : undefined;
  let eq;
  try {
    eq = large ? undefined : time(() => core.lint(text, { ruleSet, config: equality, format }));
  } catch {
    eq = undefined;
  }
  rows.push(
    `| ${file.name} | ${size.toFixed(2)} | ${fast.ms.toFixed(0)} | ${(size / (fast.ms / 1000)).toFixed(2)} | ${full ? full.ms.toFixed(0) : 'not run'} | ${full ? (size / (full.ms / 1000)).toFixed(2) : '–'} | ${same === undefined ? '–' : same ? 'yes' : 'NO'} | ${eq ? eq.ms.toFixed(0) : 'not run'} |`,
  );
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
process.stdout.write(`${rows.join('\n')}\n`);
