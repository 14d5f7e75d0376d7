export { DEFAULT_MAX_FILE_SIZE, formatByteSize, parseByteSize } from './byte-size.js';
export {
  ConfigError,
  nearestRuleId,
  PRESETS,
  type Preset,
  type ReframeConfig,
  type ResolvedConfig,
  resolveConfig,
  unknownRuleKeys,
} from './config/resolve.js';
export { genreOfDocument, type LintOptions, lint, lintDocument, readingNoticesFor } from './lint.js';
export type { RespectOptions } from './matching/find.js';
export { retextReframe } from './matching/retext-reframe.js';
export { isAdvice, isWording, shownText, wordingOf } from './repair/conventions.js';
export { LOCALES, type Locale } from './repair/locale.js';
export { type CompiledRule, type CompiledRuleSet, compileRuleSet, RuleCompileError } from './rules/compile.js';
export { compilePattern, PatternError } from './rules/pattern.js';
export { type RepairTemplate, repairTemplateOf } from './rules/repair-templates.js';
export { describeScope } from './scope/describe.js';
export { GENRE_SAMPLE } from './scope/genre.js';
export { GENRES, isGenre, SUBJECTS, VOICES } from './scope/kinds.js';
export { type Block, isBlank, isDelimiterLine, lineEffect, splitBlocks } from './text/blocks.js';
export type * from './types.js';
export { REPAIR_KINDS, SEVERITIES } from './types.js';
