/**
 * Where the build puts the server bundle, the rules and the schema inside the installed extension,
 * and the shape of the rule index it writes (scripts/build.mjs). The contract with the language
 * server itself (commands, results, diagnostic source) is `@reframe/language-server/protocol`.
 */

/** One entry of dist/rule-index.json, written at build time from the bundled rules. */
export interface RuleIndexEntry {
  id: string;
  category: string;
  severity: string;
  summary: string;
}

/** Server bundle, rules and schema locations inside the installed extension. */
export const BundlePaths = {
  server: 'dist/server.js',
  rules: 'dist/rules',
  ruleIndex: 'dist/rule-index.json',
  configSchema: 'schema/config.schema.json',
} as const;
