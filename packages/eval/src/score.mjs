// Matching findings to kept judgements and misses, and the counts eval prints. Pure.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * What a repair rating was given for: a short hash of the words replaced and the first suggestion as
 * shown (both may hold words of the text, so only the hash is kept). A repair that takes in another
 * word ("a very pleasant" → "a") or offers other wording is unrated until rated again.
 */
export function ratedKey(actual, suggestion) {
  return createHash('sha256')
    .update(`${actual ?? ''}\u0000${suggestion ?? ''}`)
    .digest('hex')
    .slice(0, 12);
}

/** Corpus rows as the judging tool reads them: {id, text} or MTSamples {note_id, transcription}; repeated texts once. */
export function readRows(file) {
  const seen = new Set();
  return readJsonl(file)
    .map((r) => ({ id: String(r.id ?? r.note_id), text: r.text ?? r.transcription ?? '' }))
    .filter((r) => r.text.trim() && !seen.has(r.text) && seen.add(r.text));
}

export function readJsonl(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l);
      } catch {
        throw new Error(`${file}:${i + 1}: not JSON`);
      }
    });
}

const WARNING_LEVEL = new Set(['warning', 'error']);
const overlaps = (a, b) => a.id === b.id && a.start < b.end && b.start < a.end;

/** Each finding with its judgement (same rule, overlapping offsets), and which kept misses a warning or error finding now covers. */
export function matchJudgements(findings, judgements, misses) {
  const matched = [];
  const unjudged = [];
  for (const f of findings) {
    const j = judgements.find((x) => x.rule === f.rule && overlaps(f, x));
    // A rating holds only for the suggestion it was given for: a changed suggestion is unrated until rated again.
    if (j) matched.push({ ...f, label: j.label, repair: j.repair && j.rated === ratedKey(f.actual, f.suggestion) ? j.repair : null });
    else unjudged.push(f);
  }
  // A miss is a warning-level harm: an info or hint finding over it does not count as finding it.
  const missStatus = misses.map((m) => ({ ...m, found: findings.some((f) => WARNING_LEVEL.has(f.severity) && overlaps(f, m)) }));
  // Judged true findings the rules no longer make.
  const gone = judgements.filter((j) => j.label === 'TP' && !findings.some((f) => f.rule === j.rule && overlaps(f, j)));
  return { matched, unjudged, misses: missStatus, gone };
}

const LEVELS = { 'warning+error': ['warning', 'error'], 'info+hint': ['info', 'hint'] };

export function score(results) {
  const genres = new Map();
  const corpora = [];
  for (const r of results) {
    corpora.push({ name: r.corpus.name, genre: r.corpus.genre, texts: r.texts, detected: r.detected, unjudged: r.unjudged.length });
    let g = genres.get(r.corpus.genre);
    if (!g) {
      g = {
        genre: r.corpus.genre,
        levels: Object.fromEntries(Object.keys(LEVELS).map((k) => [k, { TP: 0, FP: 0, DEBATABLE: 0, unjudged: 0 }])),
        rules: {},
        recall: { found: 0, missed: 0, kept: 0 },
        repairs: { good: 0, awkward: 0, wrong: 0, unrated: 0 },
        fixes: { applied: 0, onTP: 0, onFP: 0, onOther: 0, unjudged: 0 },
      };
      genres.set(r.corpus.genre, g);
    }
    const levelOf = (severity) => Object.keys(LEVELS).find((k) => LEVELS[k].includes(severity));
    for (const f of r.matched) {
      const label = ['TP', 'FP', 'DEBATABLE'].includes(f.label) ? f.label : 'DEBATABLE';
      g.levels[levelOf(f.severity)][label]++;
      g.rules[f.rule] ??= { TP: 0, FP: 0, DEBATABLE: 0, unjudged: 0 };
      g.rules[f.rule][label]++;
      if (label !== 'FP') g.repairs[f.repair in g.repairs ? f.repair : 'unrated']++;
      if (f.fix) {
        g.fixes.applied++;
        g.fixes[label === 'TP' ? 'onTP' : label === 'FP' ? 'onFP' : 'onOther']++;
      }
      if (label === 'TP' && WARNING_LEVEL.has(f.severity)) g.recall.found++;
    }
    for (const f of r.unjudged) {
      g.levels[levelOf(f.severity)].unjudged++;
      if (f.fix) {
        g.fixes.applied++;
        g.fixes.unjudged++;
      }
      g.rules[f.rule] ??= { TP: 0, FP: 0, DEBATABLE: 0, unjudged: 0 };
      g.rules[f.rule].unjudged++;
    }
    // A kept miss that a finding now covers counts as found (its finding may not be judged yet).
    for (const m of r.misses) {
      g.recall.kept++;
      const counted = m.found && r.matched.some((f) => f.label === 'TP' && WARNING_LEVEL.has(f.severity) && overlaps(f, m));
      if (m.found && !counted) g.recall.found++;
      else if (!m.found) g.recall.missed++;
    }
  }
  return { corpora, genres: [...genres.values()] };
}
