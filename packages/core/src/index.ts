export { DEFAULT_MAX_FILE_SIZE, formatByteSize, parseByteSize } from './byte-size.js';
export { type CompiledRule, type CompiledRuleSet, compileRuleSet, RuleCompileError } from './compile.js';
export {
  ConfigError,
  nearestRuleId,
  PRESETS,
  type Preset,
  type ReframeConfig,
  type ResolvedConfig,
  resolveConfig,
  unknownRuleKeys,
} from './config.js';
export type { RespectOptions } from './find.js';
export { type LintOptions, lint } from './lint.js';
export { LOCALES, type Locale } from './locale.js';
export { compilePattern, PatternError } from './pattern.js';
export { retextReframe } from './retext-reframe.js';
export type * from './types.js';
export { SEVERITIES } from './types.js';
