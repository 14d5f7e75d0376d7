#!/usr/bin/env node
// Reframe on real writing: re-lints the judged corpora, matches each finding to the judgement kept for
// it (same rule, overlapping offsets), and prints precision per genre and severity, recall on
// warning-level harms against the kept misses, the repair ratings, and how well the genre was detected.
// Judgements and misses hold ids and offsets, never the texts (see README.md).
//
//   pnpm eval [--corpus DIR] [--by-rule] [--gone] [--unjudged FILE] [--unrated FILE] [--fixes FILE] [--json]
//
// DIR defaults to ../shared/corpus beside the repository when it exists; without it, eval says so and
// exits 0. --unjudged writes a label template for the findings no judgement covers, --unrated one for
// the true and debatable findings whose first suggestion has no rating (or changed since it was
// rated), and --fixes every automatic fix with its sentence before and after; all three hold the
// texts' sentences, for the judge: keep them out of the repository, and merge the judged file back
// with `node src/merge.mjs FILE`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintDocument } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { matchJudgements, ratedKey, readJsonl, readRows, score } from './score.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const usage = 'usage: pnpm eval [--corpus DIR] [--by-rule] [--gone] [--unjudged FILE] [--unrated FILE] [--fixes FILE] [--json]';
const WITH_VALUE = ['--corpus', '--unjudged', '--unrated', '--fixes'];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (WITH_VALUE.includes(a)) i++;
  else if (a !== '--by-rule' && a !== '--json' && a !== '--gone') {
    console.error(`eval: unknown option ${a}\n${usage}`);
    process.exit(2);
  }
}
const corpusDir = resolve(opt('--corpus') ?? join(root, '..', '..', '..', 'shared', 'corpus'));
if (!existsSync(corpusDir)) {
  console.log(`eval: no corpus folder at ${corpusDir}; nothing to evaluate (give one with --corpus DIR).`);
  process.exit(0);
}
const { corpora } = JSON.parse(readFileSync(join(root, 'corpora.json'), 'utf8'));
const ruleSet = loadRuleSet({});
const results = [];
for (const corpus of corpora) {
  const file = join(corpusDir, corpus.file);
  if (!existsSync(file)) {
    console.log(`eval: ${corpus.file} is not in ${corpusDir}; skipped.`);
    continue;
  }
  const rows = readRows(file);
  const findings = [];
  let detected = 0;
  for (const row of rows) {
    const result = lintDocument(row.text, { ruleSet });
    if (result.genre.genre === corpus.genre) detected++;
    for (const d of result.diagnostics)
      findings.push({
        id: row.id,
        start: d.range.start.offset,
        end: d.range.end.offset,
        rule: d.ruleId,
        severity: d.severity,
        actual: d.actual,
        suggestion: d.suggestions[0] ?? null,
        fix: d.fix ? { start: d.fix.range[0], end: d.fix.range[1], text: d.fix.text } : null,
        text: row.text,
      });
  }
  const judgements = readJsonl(join(root, 'judgements', `${corpus.name}.jsonl`));
  const misses = readJsonl(join(root, 'misses', `${corpus.name}.jsonl`));
  results.push({ corpus, texts: rows.length, detected, ...matchJudgements(findings, judgements, misses) });
}
const report = score(results);
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else printReport(report, args.includes('--by-rule'));
if (args.includes('--gone'))
  for (const r of results)
    for (const j of r.gone) console.log(`gone (judged TP, no longer found): ${r.corpus.name} ${j.id} ${j.start}-${j.end} ${j.rule}`);
/** A finding as the judge reads it: its sentence with the flagged words marked, and the sentence with the first suggestion in place. */
const forJudge = (corpus, f) => ({
  corpus,
  id: f.id,
  start: f.start,
  end: f.end,
  rule: f.rule,
  severity: f.severity,
  sentence: sentenceOf(f, f.start, f.end, `[[${f.text.slice(f.start, f.end)}]]`),
  suggestion: f.suggestion,
  repaired: sentenceOf(f, f.start, f.end, `{{${f.suggestion ?? ''}}}`),
  rated: ratedKey(f.actual, f.suggestion),
});
const writeRows = (file, rows, what) => {
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
  console.log(`\n${rows.length} ${what} written to ${file}`);
};
const unjudgedFile = opt('--unjudged');
if (unjudgedFile)
  writeRows(
    unjudgedFile,
    results.flatMap((r) => r.unjudged.map((f) => ({ ...forJudge(r.corpus.name, f), label: null, repair: null }))),
    'unjudged finding(s)',
  );
const unratedFile = opt('--unrated');
if (unratedFile)
  writeRows(
    unratedFile,
    results.flatMap((r) =>
      r.matched.filter((f) => f.label !== 'FP' && !f.repair).map((f) => ({ ...forJudge(r.corpus.name, f), label: f.label, repair: null })),
    ),
    'unrated repair(s) on TP/DEBATABLE findings',
  );
const fixesFile = opt('--fixes');
if (fixesFile)
  writeRows(
    fixesFile,
    results.flatMap((r) =>
      [...r.matched, ...r.unjudged]
        .filter((f) => f.fix)
        .map((f) => ({
          corpus: r.corpus.name,
          id: f.id,
          rule: f.rule,
          label: f.label ?? null,
          before: sentenceOf(f, f.fix.start, f.fix.end, `[[${f.text.slice(f.fix.start, f.fix.end)}]]`),
          after: sentenceOf(f, f.fix.start, f.fix.end, `{{${f.fix.text}}}`),
        })),
    ),
    'automatic fix(es)',
  );

/** The sentence around [from, to), with those characters shown as `shown`. */
function sentenceOf(f, from, to, shown) {
  let s = from;
  while (s > 0 && !/[.!?\n]/.test(f.text[s - 1])) s--;
  let e = to;
  while (e < f.text.length && !/[.!?\n]/.test(f.text[e])) e++;
  return `${f.text.slice(s, from)}${shown}${f.text.slice(to, e + 1)}`.replace(/\s+/g, ' ').trim();
}

function pct(n, d) {
  return d ? `${((100 * n) / d).toFixed(1)}% (${n}/${d})` : 'n/a (0/0)';
}

function printReport(report, byRule) {
  console.log('Genre detection (texts detected as their corpus genre)');
  for (const c of report.corpora) console.log(`  ${c.name.padEnd(20)} ${c.genre.padEnd(11)} ${pct(c.detected, c.texts)}`);
  console.log('\nPrecision: TP / (TP + FP); DEBATABLE counted apart; unjudged findings are not scored');
  for (const g of report.genres) {
    console.log(`  ${g.genre}`);
    for (const [level, c] of Object.entries(g.levels))
      console.log(`    ${level.padEnd(14)} ${pct(c.TP, c.TP + c.FP).padEnd(20)} debatable ${c.DEBATABLE}  unjudged ${c.unjudged}`);
    console.log(
      `    recall, warning-level harms: ${pct(g.recall.found, g.recall.found + g.recall.missed)} (misses kept: ${g.recall.kept})`,
    );
    const r = g.repairs;
    const rated = r.good + r.awkward + r.wrong;
    console.log(
      `    first repairs on TP/DEBATABLE: good ${pct(r.good, rated)}, awkward ${r.awkward}, wrong ${pct(r.wrong, rated)}, unrated ${r.unrated}`,
    );
    const x = g.fixes;
    console.log(`    automatic fixes: ${x.applied} (on TP ${x.onTP}, FP ${x.onFP}, debatable ${x.onOther}, unjudged ${x.unjudged})`);
    if (byRule)
      for (const [rule, c] of Object.entries(g.rules).sort())
        console.log(`      ${rule.padEnd(44)} TP ${c.TP}  FP ${c.FP}  DEB ${c.DEBATABLE}  unjudged ${c.unjudged}`);
  }
  const unjudged = report.corpora.reduce((n, c) => n + c.unjudged, 0);
  if (unjudged)
    console.log(
      `\n${unjudged} finding(s) have no judgement yet: write them out with --unjudged FILE, judge them, and add them to judgements/.`,
    );
}
