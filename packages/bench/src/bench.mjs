/**
 * `pnpm bench`: Reframe's CLI throughput, peak memory, files per second, cold start and editor latency
 * on deterministic corpora, with alex on the same corpora in the same run. Prints a Markdown table.
 *
 *   node src/bench.mjs [--quick] [--no-alex] [--no-editor]
 *     --quick   one run per size and no 10 MB files (a smoke run)
 * Environment: REFRAME_BENCH_DIR (corpus folder, default $TMPDIR/reframe-bench),
 *              ALEX_TIMEOUT_S (per alex run, default 180).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCorpora, ensureSmallFile, REPO_ROOT } from './corpus.mjs';
import { editorLatency } from './editor.mjs';
import { runMedian } from './measure.mjs';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const withAlex = !args.has('--no-alex');
const withEditor = !args.has('--no-editor');
const ALEX_TIMEOUT_MS = Number(process.env.ALEX_TIMEOUT_S ?? 180) * 1000;

const REFRAME = join(REPO_ROOT, 'node_modules', '.bin', 'reframe');
const REFRAME_JS = join(REPO_ROOT, 'packages', 'cli', 'bin', 'reframe.js');
const FLOOR_JS = join(REPO_ROOT, 'packages', 'bench', 'src', 'floor.mjs');
const ALEX = join(REPO_ROOT, 'packages', 'bench', 'node_modules', '.bin', 'alex');

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, digits = 2) => (n === undefined ? '–' : n.toFixed(digits));
const log = (line) => process.stderr.write(`${line}\n`);

function reframeRun(target, runs) {
  return runMedian(REFRAME, ['--format', 'json', target], runs, { cwd: REPO_ROOT });
}

function alexRun(target, kind, runs) {
  // alex exits 1 when it has warnings; --text for plain text, its default (Markdown) otherwise.
  const flags = kind === 'markdown' ? [] : ['--text'];
  return runMedian(ALEX, ['--quiet', ...flags, target], runs, { cwd: REPO_ROOT, timeoutMs: ALEX_TIMEOUT_MS });
}

function findingsIn(stdout) {
  try {
    const report = JSON.parse(stdout);
    return report.files.reduce((n, f) => n + f.diagnostics.length, 0);
  } catch {
    return undefined;
  }
}

/**
 * The floor (src/floor.mjs) on the largest plain-text file, writing the output reframe gave for it:
 * what one Node process needs before any rule loads or anything is matched.
 */
function floorRun(rows, runs) {
  const row = rows.filter((r) => r.name.startsWith('plain-') && r.reframe.stdout).sort((a, b) => b.size - a.size)[0];
  if (!row) return undefined;
  const output = join(tmpdir(), `reframe-bench-output-${process.pid}.json`);
  writeFileSync(output, row.reframe.stdout);
  try {
    const file = row.reframe.path;
    return { row, ...runMedian(process.execPath, [FLOOR_JS, file, output], runs, { cwd: REPO_ROOT }) };
  } finally {
    rmSync(output, { force: true });
  }
}

function coldStart(small) {
  const hyperfine = spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
  if (hyperfine.status === 0) {
    const exported = join(tmpdir(), `reframe-bench-hyperfine-${process.pid}.json`);
    const out = spawnSync(
      'hyperfine',
      [
        '--style',
        'none',
        '--warmup',
        '3',
        '--runs',
        quick ? '10' : '30',
        '-N',
        '--ignore-failure',
        '--export-json',
        exported,
        `node ${REFRAME_JS} ${small}`,
        'node -e 0',
      ],
      { encoding: 'utf8' },
    );
    if (out.status !== 0) throw new Error(`hyperfine failed: ${out.stderr}`);
    const json = JSON.parse(readFileSync(exported, 'utf8'));
    rmSync(exported, { force: true });
    return { tool: 'hyperfine', reframeMs: json.results[0].mean * 1000, nodeMs: json.results[1].mean * 1000 };
  }
  const r = runMedian(process.execPath, [REFRAME_JS, small], 15, { cwd: REPO_ROOT });
  const n = runMedian(process.execPath, ['-e', '0'], 15, {});
  return { tool: 'median of 15 runs (hyperfine not installed)', reframeMs: r.seconds * 1000, nodeMs: n.seconds * 1000 };
}

async function main() {
  if (!existsSync(REFRAME)) throw new Error(`${REFRAME} is missing: run pnpm install first`);
  const manifest = ensureCorpora({ log });
  log(
    `corpus: ${manifest.source === 'mtsamples' ? 'MTSamples (public domain) with injected invented phrases' : 'seeded synthetic generator (MTSamples absent)'}`,
  );
  log(`machine: ${cpus().length} cores, Node ${process.version}`);
  const alexAvailable = withAlex && existsSync(ALEX);
  if (withAlex && !alexAvailable) log('alex is not installed (packages/bench devDependency): skipping the comparison');

  const rows = [];
  const files = manifest.files.filter((f) => !(quick && f.name.includes('10MB')));
  for (const file of files) {
    const size = mb(file.bytes);
    // Five runs each (median): a single run of a large file moves by about ±10% on this kind of machine.
    const runs = quick ? 1 : 5;
    log(`reframe ${file.name} (${runs} runs)…`);
    const r = reframeRun(file.path, runs);
    const row = { name: file.name, size, reframe: { ...r, path: file.path }, findings: findingsIn(r.stdout) };
    if (alexAvailable) {
      log(`alex ${file.name} (timeout ${ALEX_TIMEOUT_MS / 1000} s)…`);
      row.alex = alexRun(file.path, file.kind, 1);
    }
    rows.push(row);
  }
  log('reframe on the 2,000-file tree…');
  const tree = reframeRun(manifest.tree.path, quick ? 1 : 3);
  const treeAlex = alexAvailable ? alexRun(manifest.tree.path, 'text', 1) : undefined;
  log('floor: Node start, read, one hashing pass, write the same output…');
  const floor = floorRun(rows, quick ? 1 : 5);
  log('cold start…');
  const cold = coldStart(ensureSmallFile());
  let editor = { skipped: 'disabled with --no-editor' };
  if (withEditor) {
    log('editor latency through the language server…');
    const doc = manifest.files.find((f) => f.name === 'plain-1MB.txt');
    editor = doc ? await editorLatency(REPO_ROOT, doc.path, { edits: quick ? 40 : 200 }) : { skipped: 'no 1 MB corpus' };
  }

  const out = [];
  out.push(
    '| corpus | size (MB) | reframe s | reframe MB/s | peak RSS (MB) | findings | alex s | alex MB/s | alex peak RSS (MB) | reframe ÷ alex time |',
  );
  out.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const r = row.reframe;
    const a = row.alex;
    const alexCell = !a
      ? ['not run', '–', '–', '–']
      : a.timedOut
        ? [
            `> ${ALEX_TIMEOUT_MS / 1000} (timed out)`,
            `< ${fmt(row.size / (ALEX_TIMEOUT_MS / 1000), 3)}`,
            '–',
            `> ${fmt(ALEX_TIMEOUT_MS / 1000 / r.seconds, 0)}× faster`,
          ]
        : [fmt(a.seconds), fmt(row.size / a.seconds, 3), fmt(a.rssMB, 0), `${fmt(a.seconds / r.seconds, 1)}× faster`];
    out.push(
      `| ${row.name} | ${fmt(row.size)} | ${fmt(r.seconds)} | ${fmt(row.size / r.seconds)} | ${fmt(r.rssMB, 0)} | ${row.findings ?? '–'} | ${alexCell.join(' | ')} |`,
    );
  }
  out.push('');
  const treeMB = mb(manifest.tree.bytes);
  out.push(
    `2,000-file tree (${manifest.tree.count} files, ${fmt(treeMB)} MB): reframe ${fmt(tree.seconds)} s = ${fmt(manifest.tree.count / tree.seconds, 0)} files/s, peak RSS ${fmt(tree.rssMB, 0)} MB` +
      (treeAlex
        ? treeAlex.timedOut
          ? `; alex > ${ALEX_TIMEOUT_MS / 1000} s (timed out)`
          : `; alex ${fmt(treeAlex.seconds)} s = ${fmt(manifest.tree.count / treeAlex.seconds, 0)} files/s (${fmt(treeAlex.seconds / tree.seconds, 1)}× slower)`
        : ''),
  );
  if (floor)
    out.push(
      `Floor for ${floor.row.name} (Node's start, reading the file, one hashing pass over every word, writing reframe's ${fmt(mb(Buffer.byteLength(floor.row.reframe.stdout)), 1)} MB of output; no rules, no matching): ${fmt(floor.seconds)} s = ${fmt(floor.row.size / floor.seconds)} MB/s; reframe ${fmt(floor.row.reframe.seconds)} s`,
    );
  out.push(`Cold start, one small file (${cold.tool}): reframe ${fmt(cold.reframeMs, 0)} ms; node -e 0 ${fmt(cold.nodeMs, 0)} ms`);
  if (editor.skipped) out.push(`Editor latency: skipped — ${editor.skipped}`);
  else
    out.push(
      `Editor latency (language server over stdio, 1 MB plain text, debounce 0): didOpen → first diagnostics ${fmt(editor.openMs, 0)} ms (${editor.diagnostics} diagnostics); one-character edit → diagnostics p50 ${fmt(editor.p50, 1)} ms, p95 ${fmt(editor.p95, 1)} ms over ${editor.edits} edits`,
    );
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
