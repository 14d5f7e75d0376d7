#!/usr/bin/env node
/**
 * Compile the bundled rules/ once and write dist/rules.snapshot.json, which loadRuleSet() revives in a
 * few milliseconds instead of parsing, validating and compiling the YAML on every start. The snapshot is
 * keyed by a fingerprint of the rule files and the engine code: after any change it is simply not used
 * until this runs again (part of `pnpm build`, `pnpm test` and install).
 */
import { DEFAULT_RULES_DIR, writeRuleSetSnapshot } from '../dist/node/index.js';

const started = performance.now();
const file = writeRuleSetSnapshot(DEFAULT_RULES_DIR);
console.log(`rules snapshot: ${file} (${(performance.now() - started).toFixed(0)} ms)`);
