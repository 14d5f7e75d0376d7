/** The rule set from a rules folder: packs, the source register and context lists, validated and compiled (or revived from a current snapshot). */
import { join, resolve } from 'node:path';
import { enabledRulesOf, PRESETS, resolveConfig } from '../config/resolve.js';
import { ReframeFileError, ReframeFileErrors } from '../errors.js';
import { type CompiledRuleSet, compileRuleSet, RuleCompileError } from '../rules/compile.js';
import type { ContextData, PackData, RepairCueData, RuleData, RuleSetData, ScopeCueData, SourceData } from '../types.js';
import { DEFAULT_RULES_DIR, packNames, parseFile, validateAgainst } from './read.js';
import { PACK_SIZE_LIMIT, readRegularFile } from './safe-read.js';
import { DEFAULT_SNAPSHOT_FILE, readSnapshot, stampsOf, writeSnapshotFile } from './snapshot-files.js';

/** Read and validate one pack file. */
export function loadPackFile(file: string): PackData {
  const parsed = parseFile(file);
  validateAgainst(parsed, 'pack', file);
  const value = parsed.value as { category?: string; rules: Array<Omit<RuleData, 'category'> & { category?: string }> };
  const problems: ReframeFileError[] = [];
  const rules: RuleData[] = value.rules.map((rule, i) => {
    const category = rule.category ?? value.category;
    const at = parsed.locate(['rules', i]);
    if (!category)
      problems.push(new ReframeFileError(file, at.line, at.column, `rule ${rule.id} has no category (set it on the rule or the file)`));
    else if (!rule.id.startsWith(`${category}/`)) {
      const p = parsed.locate(['rules', i, 'id']);
      problems.push(new ReframeFileError(file, p.line, p.column, `rule id "${rule.id}" must start with its category "${category}/"`));
    }
    return { ...rule, category: category ?? 'uncategorised' };
  });
  if (problems.length) throw new ReframeFileErrors(problems);
  return { file, ...(value.category ? { category: value.category } : {}), rules };
}

function loadSources(file: string): Record<string, SourceData> {
  const parsed = parseFile(file);
  const value = parsed.value as { sources?: Record<string, SourceData> } | null;
  const sources = value?.sources;
  if (!sources || typeof sources !== 'object') {
    throw new ReframeFileError(file, 1, 1, 'expected a "sources" map of key → {title, url}');
  }
  for (const [key, s] of Object.entries(sources)) {
    if (!s || typeof s.title !== 'string' || typeof s.url !== 'string') {
      const p = parsed.locate(['sources', key]);
      throw new ReframeFileError(file, p.line, p.column, `source "${key}" needs a title and a url`);
    }
  }
  return sources;
}

function loadContext(file: string): ContextData {
  const parsed = parseFile(file);
  const value = (parsed.value ?? {}) as Partial<ContextData>;
  const list = (key: keyof ContextData): string[] => {
    const v = value[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      const p = parsed.locate([key]);
      throw new ReframeFileError(file, p.line, p.column, `"${key}" must be a list of phrases`);
    }
    return v;
  };
  return {
    allow: list('allow'),
    mentionCues: list('mentionCues'),
    selfDescriptionCues: list('selfDescriptionCues'),
    equalityIgnoreRules: list('equalityIgnoreRules'),
    scope: scopeCues(parsed, file, (value as { scope?: unknown }).scope),
    repair: repairCues(parsed, file, (value as { repair?: unknown }).repair),
  };
}

/** Limits on a cue list: cue phrases are expanded into every combination of their alternatives. */
const MAX_CUES = 5000;
const MAX_CUE_LENGTH = 2000;
const MAX_CUE_EXPANSIONS = 256;

/** What is wrong with a list of cue phrases, if anything: too many, too long, or too many combinations. */
export function cueListProblem(phrases: readonly string[]): string | undefined {
  if (phrases.length > MAX_CUES) return `at most ${MAX_CUES} cue phrases (got ${phrases.length})`;
  for (const [i, phrase] of phrases.entries()) {
    if (phrase.length > MAX_CUE_LENGTH) return `cue phrase ${i + 1} is longer than ${MAX_CUE_LENGTH} characters`;
    let combinations = 1;
    for (const word of phrase.trim().split(/\s+/)) {
      combinations *= Math.max(1, word.split('|').length);
      if (combinations > MAX_CUE_EXPANSIONS)
        return `cue phrase ${i + 1} stands for more than ${MAX_CUE_EXPANSIONS} word sequences (fewer alternatives per word, or split it)`;
    }
  }
  return undefined;
}

const REPAIR_LISTS = ['negation', 'reportedSpeech', 'degree', 'identityFields'] as const;
const COMMUNITIES = ['autism', 'deaf', 'disability'] as const;
const FORMS = ['identity-first', 'person-first'] as const;

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a section of context.yml is read: a failure placed at its path, and a checked list of cue phrases. */
function cueReader(parsed: ReturnType<typeof parseFile>, file: string) {
  const fail = (path: string[], message: string): never => {
    const p = parsed.locate(path);
    throw new ReframeFileError(file, p.line, p.column, message);
  };
  const phrases = (v: unknown, path: string[]): string[] => {
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(path, `"${path.join('.')}" must be a list of phrases`);
    const problem = cueListProblem(v as string[]);
    if (problem) return fail(path, `"${path.join('.')}": ${problem}`);
    return v as string[];
  };
  return { fail, phrases };
}

/** The `repair` section: named lists of cue phrases for the repair guards. */
function repairCues(parsed: ReturnType<typeof parseFile>, file: string, raw: unknown): RepairCueData | undefined {
  if (raw === undefined) return undefined;
  const { fail, phrases } = cueReader(parsed, file);
  if (!isMap(raw)) return fail(['repair'], '"repair" must be a map of cue lists');
  const out: RepairCueData = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'preference') {
      if (!isMap(v)) return fail(['repair', key], '"repair.preference" must be a map');
      const preference: NonNullable<RepairCueData['preference']> = {};
      for (const [k, forms] of Object.entries(v)) {
        if (k === 'statedBy') preference.statedBy = phrases(forms, ['repair', key, k]);
        else if ((COMMUNITIES as readonly string[]).includes(k)) {
          if (!isMap(forms)) return fail(['repair', key, k], `"repair.preference.${k}" must be a map of ${FORMS.join(' and ')} phrases`);
          const out: Partial<Record<(typeof FORMS)[number], string[]>> = {};
          for (const [form, list] of Object.entries(forms)) {
            if (!(FORMS as readonly string[]).includes(form))
              return fail(['repair', key, k, form], `unknown form in "repair.preference.${k}" (use ${FORMS.join(' or ')})`);
            out[form as (typeof FORMS)[number]] = phrases(list, ['repair', key, k, form]);
          }
          preference[k as (typeof COMMUNITIES)[number]] = out;
        } else return fail(['repair', key, k], `unknown key in "repair.preference" (use statedBy, ${COMMUNITIES.join(', ')})`);
      }
      out.preference = preference;
      continue;
    }
    if (!(REPAIR_LISTS as readonly string[]).includes(key))
      return fail(['repair', key], `unknown cue list in "repair" (use ${REPAIR_LISTS.join(', ')} or preference)`);
    out[key as (typeof REPAIR_LISTS)[number]] = phrases(v, ['repair', key]);
  }
  return out;
}

const SCOPE_LISTS = ['reader', 'pronouns', 'recordPerson', 'thirdParty', 'service', 'thing', 'general', 'script'] as const;
const GENRE_CUE_LISTS = ['chart-note', 'teaching'] as const;

/** The `scope` section: named lists of cue phrases, and `genreCues` with a list for each genre that has cues. */
function scopeCues(parsed: ReturnType<typeof parseFile>, file: string, raw: unknown): ScopeCueData | undefined {
  if (raw === undefined) return undefined;
  const { fail, phrases } = cueReader(parsed, file);
  if (!isMap(raw)) return fail(['scope'], '"scope" must be a map of cue lists');
  const out: ScopeCueData = {};
  for (const key of Object.keys(raw)) {
    if (key === 'genreCues') {
      const cues = raw[key];
      if (!isMap(cues)) return fail(['scope', key], '"scope.genreCues" must be a map of cue lists');
      out.genreCues = {};
      for (const genre of Object.keys(cues)) {
        if (!(GENRE_CUE_LISTS as readonly string[]).includes(genre))
          return fail(['scope', key, genre], `unknown genre in "scope.genreCues" (use ${GENRE_CUE_LISTS.join(' or ')})`);
        out.genreCues[genre as (typeof GENRE_CUE_LISTS)[number]] = phrases(cues[genre], ['scope', key, genre]);
      }
    } else if ((SCOPE_LISTS as readonly string[]).includes(key)) {
      out[key as (typeof SCOPE_LISTS)[number]] = phrases(raw[key], ['scope', key]);
    } else return fail(['scope', key], `unknown cue list in "scope" (use ${SCOPE_LISTS.join(', ')} or genreCues)`);
  }
  return out;
}

export interface LoadRuleSetOptions {
  /** Folder with the bundled packs, sources.yml and context.yml (default: the repository's rules/). */
  rulesDir?: string;
  /** More pack files (user packs). They may cite sources from the bundled register. */
  extraPacks?: string[];
  /** Compiled snapshot to try first (default: the build's, next to dist/); false to always compile. */
  snapshotFile?: string | false;
}

/** Read, validate and compile every pack: do this once and reuse the result for every document. */
export function loadRuleSetData(options: LoadRuleSetOptions = {}): RuleSetData {
  const dir = options.rulesDir ?? DEFAULT_RULES_DIR;
  let names: string[];
  try {
    names = packNames(dir);
  } catch (error) {
    throw new ReframeFileError(dir, 1, 1, `cannot read the rules folder: ${(error as NodeJS.ErrnoException).code ?? ''}`);
  }
  const errors: ReframeFileError[] = [];
  const packs: PackData[] = [];
  for (const file of [...names.map((n) => join(dir, n)), ...(options.extraPacks ?? []).map((p) => resolve(p))]) {
    try {
      packs.push(loadPackFile(file));
    } catch (error) {
      if (error instanceof ReframeFileErrors) errors.push(...error.errors);
      else if (error instanceof ReframeFileError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length) throw new ReframeFileErrors(errors);
  return { packs, sources: loadSources(join(dir, 'sources.yml')), context: loadContext(join(dir, 'context.yml')) };
}

export function loadRuleSet(options: LoadRuleSetOptions = {}): CompiledRuleSet {
  if (!options.extraPacks?.length && options.snapshotFile !== false) {
    const snapshot = readSnapshot(options.rulesDir ?? DEFAULT_RULES_DIR, options.snapshotFile);
    if (snapshot) return snapshot;
  }
  return compileFromFiles(options);
}

function compileFromFiles(options: LoadRuleSetOptions): CompiledRuleSet {
  const data = loadRuleSetData(options);
  try {
    return compileRuleSet(data);
  } catch (error) {
    if (error instanceof RuleCompileError)
      throw new ReframeFileError(error.file, ...locateRule(error.file, error.ruleId), error.message.replace(`${error.file}: `, ''));
    throw error;
  }
}

function locateRule(file: string, id: string): [number, number] {
  try {
    const lines = readRegularFile(file, PACK_SIZE_LIMIT, 'rule pack').split(/\r?\n/);
    const i = lines.findIndex((l) => l.includes(`id: ${id}`));
    return i >= 0 ? [i + 1, (lines[i]?.indexOf('id:') ?? 0) + 1] : [1, 1];
  } catch {
    return [1, 1];
  }
}

/** Compile the rules folder and write its snapshot (atomically); returns the snapshot's path. */
export function writeRuleSetSnapshot(rulesDir: string = DEFAULT_RULES_DIR, file = DEFAULT_SNAPSHOT_FILE): string {
  const stamps = stampsOf(rulesDir);
  const ruleSet = compileFromFiles({ rulesDir });
  // The rules each preset turns on by default: most runs use one of these sets.
  const enabled = PRESETS.map((preset) => enabledRulesOf(resolveConfig({ preset }, ruleSet)));
  return writeSnapshotFile(ruleSet, rulesDir, file, stamps, enabled);
}
