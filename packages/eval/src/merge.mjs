#!/usr/bin/env node
// Merges a judged file (from eval --unjudged or --unrated) into judgements/: a row updates the
// judgement of the same corpus and rule whose offsets overlap its own, or is added. Only ids, offsets,
// the rule, the label, the rating and the rated suggestion's hash are kept: never the sentences.
//
//   node src/merge.mjs FILE
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from './score.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: node src/merge.mjs FILE');
  process.exit(2);
}
const LABELS = new Set(['TP', 'FP', 'DEBATABLE']);
const RATINGS = new Set(['good', 'awkward', 'wrong']);
const rows = readJsonl(file);
const byCorpus = new Map();
let updated = 0;
let added = 0;
for (const [i, row] of rows.entries()) {
  if (!LABELS.has(row.label)) throw new Error(`${file}:${i + 1}: label must be TP, FP or DEBATABLE`);
  if (row.label !== 'FP' && !RATINGS.has(row.repair)) throw new Error(`${file}:${i + 1}: repair must be good, awkward or wrong`);
  if (!byCorpus.has(row.corpus)) byCorpus.set(row.corpus, readJsonl(join(root, 'judgements', `${row.corpus}.jsonl`)));
  const judgements = byCorpus.get(row.corpus);
  const kept = {
    corpus: row.corpus,
    id: row.id,
    start: row.start,
    end: row.end,
    rule: row.rule,
    label: row.label,
    repair: row.label === 'FP' ? null : row.repair,
    ...(row.label === 'FP' ? {} : { rated: row.rated }),
  };
  const j = judgements.findIndex((x) => x.rule === row.rule && x.id === row.id && x.start < row.end && row.start < x.end);
  if (j >= 0) {
    const { rated: _stale, ...rest } = judgements[j];
    judgements[j] = { ...rest, label: kept.label, repair: kept.repair, ...(kept.rated ? { rated: kept.rated } : {}) };
    updated++;
  } else {
    judgements.push(kept);
    added++;
  }
}
for (const [corpus, judgements] of byCorpus)
  writeFileSync(join(root, 'judgements', `${corpus}.jsonl`), `${judgements.map((j) => JSON.stringify(j)).join('\n')}\n`);
console.log(`${updated} judgement(s) updated, ${added} added`);
