/** Public types shared by the engine, the CLI and the language server. */

import type { Genre, GenreOfDocument, RuleWhere } from './scope/kinds.js';

export type { Genre, GenreOfDocument, GenreSource, RuleWhere, Subject, Voice } from './scope/kinds.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type DocumentFormat = 'text' | 'markdown' | 'html';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units. */
  column: number;
  /** 0-based offset in UTF-16 code units. */
  offset: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface SourceRef {
  key: string;
  title: string;
  url: string;
}

export interface Fix {
  /** [start, end) offsets in UTF-16 code units. */
  range: [number, number];
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  category: string;
  severity: Severity;
  message: string;
  /** The flagged text exactly as written: what `range` covers and what a suggestion replaces. */
  actual: string;
  /**
   * Present when the repair takes in a word before the stigmatising term so that it stays grammatical
   * ("an addict" → "a person …", "is wheelchair-bound" → "uses a wheelchair"): the term alone, which
   * ends where `actual` ends. For allow-lists and term counts.
   */
  term?: string;
  range: Range;
  /**
   * Preferred first, as shown: capitalisation follows the flagged text, and advice to the writer
   * (`instruction`, `omit`, `quote`) is in square brackets. `repairs` gives the same items with their kinds.
   */
  suggestions: string[];
  /** The suggestions with their kinds, in the same order; advice without its brackets. */
  repairs: Repair[];
  /**
   * Present only when the preferred repair is `safe` and every guard allows applying it here (not
   * under negation or history, not in reported speech, not in a form field, and grammatical in place).
   */
  fix?: Fix;
  /**
   * Present when the preferred repair is `safe` but a guard kept it from being applied here: the guard's
   * name (`negation`, `reported-speech`, `identity-field` or `grammar`). The repair is still offered.
   */
  fixWithheld?: FixGuardName;
  note: string;
  sources: SourceRef[];
}

/**
 * Something a user should know about how a document was read. It never holds the document's text:
 * front ends may print it anywhere, also under --redact.
 */
export interface LintNotice {
  /** 'read-as-plain-text': Markdown read as plain text (it would cost the parser far more than its size, or overflowed its stack). */
  code: 'read-as-plain-text';
  /** One line, starting with what happened: "read as plain text: lines 3–9, as Markdown they would cost …". */
  message: string;
  /** The first lines concerned (1-based, inclusive), when the notice is about part of the document. */
  lines?: { start: number; end: number };
}

/** What lintDocument gives: the findings, as `lint` gives them, and the notices. */
export interface LintResult {
  diagnostics: Diagnostic[];
  notices: LintNotice[];
  /** The document's genre and how it was settled (detected, set by config, or by a directive); detected on first read. */
  genre: GenreOfDocument;
}

/** One `match` entry of a rule as written in a pack. */
export interface MatchEntry {
  phrase: string;
  caseSensitive?: boolean;
  plural?: boolean;
  suggestions?: Suggestion[];
  /** Replaced by the `safe` repair kind; a pack that sets it is refused with a message saying so. */
  fix?: boolean;
}

/**
 * What kind of repair a suggestion is:
 * - `safe`: the same meaning, reworded; the only kind applied automatically, and only where the guards allow;
 * - `rewrite`: wording that needs the writer's judgement; offered, never applied automatically;
 * - `instruction`: advice on what to write instead ("describe the behaviour observed");
 * - `omit`: advice to leave the words out ("omit unless clinically relevant");
 * - `quote`: advice to give the person's own words.
 */
export type RepairKind = 'safe' | 'rewrite' | 'instruction' | 'omit' | 'quote';
export const REPAIR_KINDS: readonly RepairKind[] = ['safe', 'rewrite', 'instruction', 'omit', 'quote'];

/** A suggestion of a diagnostic with its kind; `text` is wording in place, or advice without brackets. */
export interface Repair {
  text: string;
  kind: RepairKind;
}

/**
 * A suggestion as written in a pack: a string or `{singular, plural}` is a `rewrite`; an object with
 * one kind as its key gives the kind (`{ safe: died by suicide }`, `{ instruction: describe … }`),
 * with an optional `plural` for wording. `{2}` stands for the second matched word as written, `{2-3}`
 * for words 2 to 3 and `{2-}` for word 2 to the end (punctuation-joined words count too; the
 * punctuation itself does not).
 */
export type Suggestion = string | { singular: string; plural: string } | KindedSuggestion;

export type KindedSuggestion = { [K in RepairKind]?: string } & {
  plural?: string;
  /** The wording follows this preference of the community: offered first under it, not offered under the other. */
  community?: IdentityCommunity;
  preference?: Exclude<IdentityPreference, 'either'>;
  /** Where the wording may be offered, as a rule's `where` ("the patient" only for the person a record is about). */
  where?: RuleWhere;
  /** Guards under which the wording would state another fact, so it is not offered there ("no history of alcohol use"). */
  notUnder?: SuggestionGuard[];
};

/** The guards before an automatic fix, by name (see repair/guards.ts). */
export type FixGuardName = 'negation' | 'reported-speech' | 'identity-field' | 'grammar';

/** The guards a suggestion may name in `notUnder` (see repair/guards.ts). */
export type SuggestionGuard = 'negation' | 'reported-speech';

export interface RuleExceptions {
  notBefore?: string[];
  notAfter?: string[];
  /** Keep the finding only when one of these phrases occurs in the same sentence. */
  requires?: string[];
  /** Drop the finding when one of these phrases occurs in the same sentence. */
  unless?: string[];
  /**
   * Where `requires` and `unless` look: the sentence (default), the whole paragraph, or the part of the
   * sentence before the match (`sentence-before`: "ask whether her husband …", not "his wife asks").
   */
  scope?: 'sentence' | 'paragraph' | 'sentence-before';
}

export type IdentityCommunity = 'autism' | 'deaf' | 'disability';
export type IdentityPreference = 'identity-first' | 'person-first' | 'either';

export interface RuleExample {
  flag: string[];
  pass: string[];
}

export interface RuleData {
  id: string;
  category: string;
  severity: Severity;
  match: Array<string | MatchEntry>;
  suggestions: Suggestion[];
  /** Replaced by the `safe` repair kind; a pack that sets it is refused with a message saying so. */
  fix?: boolean;
  note: string;
  message?: string;
  sources: string[];
  exceptions?: RuleExceptions;
  /** Flag only text that is the whole content of a pair of quotation marks (scare quotes). */
  quoted?: boolean;
  /** Active only when the config states this preference for the community. */
  onlyWhen?: { community: IdentityCommunity; preference: Exclude<IdentityPreference, 'either'> };
  /** Presets in which the rule is on; default: all. */
  presets?: string[];
  /**
   * A degree word just before the flagged words ("very"): `omit` when it goes with the descriptor the
   * repair leaves out ("a very pleasant man" → "a man"); `keep` (default) when it carries a severity,
   * so wording that would strand it is not offered.
   */
  degreeWords?: 'omit' | 'keep';
  /** Where the rule applies: the sentence voices and the subjects of the flagged words (default: everywhere). */
  where?: RuleWhere;
  /** The rule's severity in documents of a genre, where it differs from `severity` ('off': not reported there). */
  genres?: Partial<Record<Genre, SeveritySetting>>;
  examples: RuleExample;
}

export interface PackData {
  /** File the pack came from, for messages. */
  file: string;
  category?: string;
  rules: RuleData[];
}

export interface SourceData {
  title: string;
  url: string;
  author?: string;
  year?: number | string;
  note?: string;
}

export interface ContextData {
  /** Phrases in which nothing is flagged (diagnoses, names of laws and organisations, literal senses). */
  allow: string[];
  /** Phrases that, just before a match, show the words are mentioned rather than used. */
  mentionCues: string[];
  /** Phrases that, earlier in the sentence, show the person is describing themselves. */
  selfDescriptionCues: string[];
  /** retext-equality rule ids never reported on clinical text. */
  equalityIgnoreRules: string[];
  /** Cue words of the scope model (genre, voice, subject); see scope/. */
  scope?: ScopeCueData;
  /** Cue words the repair guards read; see repair/guards.ts. */
  repair?: RepairCueData;
}

/** The `repair` section of context.yml: lists of cue phrases. */
export interface RepairCueData {
  /** Negation and history earlier in the sentence. */
  negation?: string[];
  /** Reported speech and labelling earlier in the sentence ("called her a …"). */
  reportedSpeech?: string[];
  /** Degree words just before the flagged words ("very"). */
  degree?: string[];
  /** Field labels of identity and demographic data ("Ethnicity:"). */
  identityFields?: string[];
  /** How a person states a preference of wording: the cue phrases, then each community's two forms. */
  preference?: StatedPreferenceData;
}

export type StatedPreferenceData = { statedBy?: string[] } & Partial<
  Record<IdentityCommunity, Partial<Record<Exclude<IdentityPreference, 'either'>, string[]>>>
>;

/** The `scope` section of context.yml: lists of cue phrases. */
export interface ScopeCueData {
  /** Words that address the reader ("you"). */
  reader?: string[];
  /** Third-person personal pronouns: a person in a record, in a chart note. */
  pronouns?: string[];
  /** Words that name the person a record is about ("patient", "client", "Mr"). */
  recordPerson?: string[];
  /** Relatives, partners, friends and other people in the person's life. */
  thirdParty?: string[];
  /** Services, institutions and the people who work in them. */
  service?: string[];
  /** Events, activities and things that feeling words may describe ("the first sessions can be very emotional"). */
  thing?: string[];
  /** Words that make a statement general ("people who", "individuals with", "many"). */
  general?: string[];
  /** Words that open a script, form or question to ask ("Ask", "Intake form:"). */
  script?: string[];
  /** Words typical of each genre, counted to detect a document's genre. */
  genreCues?: { 'chart-note'?: string[]; teaching?: string[] };
}

export interface RuleSetData {
  packs: PackData[];
  sources: Record<string, SourceData>;
  context: ContextData;
}
