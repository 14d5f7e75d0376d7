/**
 * `--cache`: findings keyed on a hash of the file's content, the rules, the config and the tool
 * version. The cache file holds hashes, rule ids, positions and rule-provided wording only, never
 * document text: the flagged text is re-read from the file, and paths are stored as hashes.
 */
import { readFileSync } from 'node:fs';
import { type CompiledRuleSet, type Diagnostic, type GenreOfDocument, type SourceRef, shownText } from '@reframe/core';
import { writeFileAtomic } from './atomic.js';
import { crypto } from './builtins.js';
import type { DocumentPlace, PlacedDiagnostic } from './types.js';

// 2: office documents (.docx, .pptx, .odt) carry their place and no fix.
// 3: each entry carries the document's genre and how it was settled.
// 4: suggestions are kept with their repair kinds.
export const CACHE_VERSION = 4;

interface CachedDiagnostic {
  ruleId: string;
  category: string;
  severity: Diagnostic['severity'];
  /** The message with the flagged text cut out. */
  message: string[];
  range: Diagnostic['range'];
  /** Where `term` starts, when the diagnostic has one (the text itself is never cached). */
  termStart?: number;
  repairs: Diagnostic['repairs'];
  fix?: Diagnostic['fix'];
  fixWithheld?: Diagnostic['fixWithheld'];
  /** Only for findings whose rule is not in the rule set (opt-in equality pack). */
  note?: string;
  sources?: SourceRef[];
  paragraph?: number;
  slide?: number;
  notes?: boolean;
  slideLine?: number;
}

export interface CacheEntry {
  key: string;
  /** The genre the findings were made under (a name and a source: no document text). */
  genre: GenreOfDocument;
  diagnostics: CachedDiagnostic[];
}

interface CacheFile {
  version: number;
  entries: Record<string, CacheEntry>;
}

export function sha256(data: string | Buffer): string {
  return crypto().createHash('sha256').update(data).digest('hex');
}

export function pathKey(absPath: string): string {
  return sha256(`path\0${absPath}`);
}

export function entryKey(fingerprint: string, format: string, bytes: Buffer): string {
  return sha256(`${fingerprint}\0${format}\0${sha256(bytes)}`);
}

export function toCached(key: string, diagnostics: PlacedDiagnostic[], genre: GenreOfDocument, ruleSet: CompiledRuleSet): CacheEntry {
  return {
    key,
    genre: { genre: genre.genre, source: genre.source },
    diagnostics: diagnostics.map((d) => {
      const shown = d.actual.replace(/\s+/g, ' ');
      const inRuleSet = ruleSet.rules.has(d.ruleId);
      return {
        ruleId: d.ruleId,
        category: d.category,
        severity: d.severity,
        message: shown ? d.message.split(shown) : [d.message],
        range: d.range,
        ...(d.term !== undefined ? { termStart: d.range.end.offset - d.term.length } : {}),
        repairs: d.repairs,
        ...(d.fix ? { fix: d.fix } : {}),
        ...(d.fixWithheld ? { fixWithheld: d.fixWithheld } : {}),
        ...(inRuleSet ? {} : { note: d.note, sources: d.sources }),
        ...placeOf(d),
      };
    }),
  };
}

/** The office-document place fields that are set, in a fixed order (so cached output is byte-identical). */
function placeOf(d: DocumentPlace): DocumentPlace {
  const out: DocumentPlace = {};
  if (d.paragraph !== undefined) out.paragraph = d.paragraph;
  if (d.slide !== undefined) out.slide = d.slide;
  if (d.notes !== undefined) out.notes = d.notes;
  if (d.slideLine !== undefined) out.slideLine = d.slideLine;
  return out;
}

/** Rebuild the diagnostics of a cache hit; the flagged text comes from the document itself. */
export function fromCached(entry: CacheEntry, text: string, ruleSet: CompiledRuleSet): PlacedDiagnostic[] {
  return entry.diagnostics.map((c) => {
    const actual = text.slice(c.range.start.offset, c.range.end.offset);
    const rule = ruleSet.rules.get(c.ruleId);
    const d: PlacedDiagnostic = {
      ruleId: c.ruleId,
      category: c.category,
      severity: c.severity,
      message: c.message.join(actual.replace(/\s+/g, ' ')),
      actual,
      ...(c.termStart !== undefined ? { term: text.slice(c.termStart, c.range.end.offset) } : {}),
      range: c.range,
      suggestions: c.repairs.map(shownText),
      repairs: c.repairs,
      note: rule ? rule.data.note.trim() : (c.note ?? ''),
      sources: rule ? rule.sources : (c.sources ?? []),
    };
    // Same key order as core's diagnostics, so cached and fresh JSON output are byte-identical.
    if (c.fix) d.fix = c.fix;
    else if (c.fixWithheld) d.fixWithheld = c.fixWithheld;
    return Object.assign(d, placeOf(c));
  });
}

export class LintCache {
  private entries: Record<string, CacheEntry> = {};
  private dirty = false;

  constructor(readonly location: string) {}

  load(): void {
    try {
      const parsed = JSON.parse(readFileSync(this.location, 'utf8')) as CacheFile;
      if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') this.entries = parsed.entries;
    } catch {
      // Missing or unreadable cache: start empty; it is rebuilt on save.
      this.entries = {};
    }
  }

  get(absPath: string): CacheEntry | undefined {
    return this.entries[pathKey(absPath)];
  }

  set(absPath: string, entry: CacheEntry): void {
    this.entries[pathKey(absPath)] = entry;
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const file: CacheFile = { version: CACHE_VERSION, entries: this.entries };
    writeFileAtomic(this.location, JSON.stringify(file));
  }
}
