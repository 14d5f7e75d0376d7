/** A match on its way to becoming a diagnostic, and what the repair steps and guards read. */
import type { ResolvedConfig } from '../config/resolve.js';
import type { RuleMatch } from '../matching/find.js';
import type { ScopeCues } from '../scope/cues.js';
import type { Genre } from '../scope/kinds.js';
import type { Directives } from '../text/directives.js';
import type { FixGuardName, Repair, Severity } from '../types.js';
import type { RepairCues } from './cues.js';

/** What the steps read: the document as written, its directives, its genre and the run's settings. */
export interface RepairContext {
  text: string;
  directives: Directives;
  config: ResolvedConfig;
  /** The document's genre (null: unknown, every rule as configured), settled on the first call: only rules with `genres` or `where` ask. */
  genre: () => Genre | null;
  /** The cue words of the scope model. */
  cues: ScopeCues;
  /** The cue words of the repair guards. */
  repairCues: RepairCues;
}

/** A rule match on its way to becoming a diagnostic. */
export interface Draft {
  match: RuleMatch;
  ruleId: string;
  severity: Severity;
  /** Where the repair starts: the match's start, or a word before it that the repair takes in. */
  start: number;
  end: number;
  suggestions: Repair[];
  /** The preferred suggestion is applied automatically (`fix`). */
  fix: boolean;
  /** The guard that kept a `safe` preferred repair from being applied automatically here, if one did. */
  withheld?: FixGuardName;
  /** An article before the match was taken in (a verb phrase cannot follow it). */
  articleTakenIn: boolean;
  /** A "to be" before the match was taken in, so a verb-phrase repair stands where the verb stood. */
  copulaTakenIn?: boolean;
}

export type RepairStep = (draft: Draft, context: RepairContext) => boolean;
