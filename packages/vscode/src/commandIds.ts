/** Ids of the commands the extension contributes (package.json `contributes.commands`). No `vscode` import, so tests can read it. */
export const Command = {
  lintWorkspace: 'reframe.lintWorkspaceWithProgress',
  explainAtCursor: 'reframe.explainAtCursor',
  fixAllInFile: 'reframe.fixAllInFile',
  openRuleReference: 'reframe.openRuleReference',
  toggleWorkspace: 'reframe.toggleWorkspace',
} as const;
