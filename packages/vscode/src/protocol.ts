/**
 * The contract with @reframe/language-server: command names, the `data` attached to each diagnostic,
 * and what the commands return. Kept in one place so a change on either side shows up here.
 */

/** Commands the server registers through workspace/executeCommand. */
export const ServerCommand = {
  lintWorkspace: 'reframe.lintWorkspace',
  explain: 'reframe.explain',
  fixAll: 'reframe.fixAll',
} as const;

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'reframe';

export interface LintWorkspaceResult {
  files: number;
  findings: number;
}

export interface SourceRef {
  key: string;
  title: string;
  url: string;
}

/**
 * `Diagnostic.data` as the server sends it: where the finding starts (the range's start). The rule id
 * is the diagnostic's `code`; suggestions and fixes stay on the server, which builds the code actions.
 */
export interface FindingData {
  line: number;
  character: number;
}

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
