/**
 * `@reframe/core/node`, the file-system side of core: read rule packs, the source register, context
 * lists and config files, validate them, find the config that applies to a folder, and compile the
 * rule set once (or revive its snapshot). Everything here reports file:line:column.
 */
export { isNameLike, quoted, ReframeFileError, ReframeFileErrors } from '../errors.js';
export { CONFIG_FILE_NAMES, findConfigFile, type ReadConfigOptions, readConfigChain } from './config-discovery.js';
export { type ConfigData, loadConfigFile, readConfigData } from './config-files.js';
export { DEFAULT_RULES_DIR, loadSchema, SCHEMA_DIR } from './read.js';
export { type LoadRuleSetOptions, loadPackFile, loadRuleSet, loadRuleSetData, writeRuleSetSnapshot } from './rule-files.js';
export { CONFIG_SIZE_LIMIT, PACK_SIZE_LIMIT, readRegularFile } from './safe-read.js';
export { DEFAULT_SNAPSHOT_FILE, ruleSetFingerprint } from './snapshot-files.js';
export { projectRootOf, TrustedRoots, type TrustOptions, userConfigDir } from './trust.js';
