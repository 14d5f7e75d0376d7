import { readFileSync } from 'node:fs';
import { lintDocument } from '@reframe/core';
import { loadRuleSet } from '@reframe/core/node';
import { ratedKey, readJsonl, readRows } from './score.mjs';

const ruleSet = loadRuleSet({});
const { corpora } = JSON.parse(readFileSync('packages/eval/corpora.json', 'utf8'));
for (const corpus of corpora) {
  if (process.argv[2] && corpus.genre !== process.argv[2]) continue;
  const js = readJsonl(`packages/eval/judgements/${corpus.name}.jsonl`);
  for (const row of readRows(`/work/shared/corpus/${corpus.file}`)) {
    for (const d of lintDocument(row.text, { ruleSet }).diagnostics) {
      const s = d.range.start.offset,
        e = d.range.end.offset;
      const j = js.find((x) => x.id === row.id && x.rule === d.ruleId && x.start < e && s < x.end);
      if (!j || j.label === 'FP' || j.rated !== ratedKey(d.actual, d.suggestions[0]) || j.repair === 'good') continue;
      let a = s;
      while (a > 0 && !/[.!?\n]/.test(row.text[a - 1])) a--;
      console.log(
        j.repair.padEnd(8),
        d.ruleId.padEnd(34),
        '|',
        `${row.text.slice(a, s)}[[${d.actual}]]→{{${d.suggestions[0]}}}${row.text.slice(e, e + 60)}`.replace(/\s+/g, ' ').slice(0, 230),
      );
    }
  }
}
