/**
 * Rule pages: a read-only virtual document per rule (`reframe-rule:/<rule id>.md`) whose markdown comes
 * from the server's `reframe.explain`, shown in the markdown preview. Virtual documents are outside
 * the client's document selector, so the explanation itself is never linted.
 */
import { readFileSync } from 'node:fs';
import { ServerCommand } from '@reframe/language-server/protocol';
import * as vscode from 'vscode';
import { BundlePaths, type RuleIndexEntry } from './bundleLayout';
import type { ReframeClient } from './client';

export const RULE_SCHEME = 'reframe-rule';

export function ruleUri(ruleId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RULE_SCHEME, path: `/${ruleId}.md` });
}

export function ruleIdFromUri(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

export class RulePageProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly client: ReframeClient) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const ruleId = ruleIdFromUri(uri);
    const markdown = await this.client.executeServerCommand<string | null>(ServerCommand.explain, [ruleId]);
    return markdown ?? `# ${ruleId}\n\nThis rule is not in the loaded rule set.\n`;
  }
}

/** Opens the rendered page for a rule beside the editor (the markdown source if there is no preview). */
export async function showRulePage(ruleId: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(ruleUri(ruleId));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  // Without arguments: a Uri passed to the markdown extension may reach it from another extension
  // host as a plain object, and it then previews whatever editor is active. Ours is, now. Lock the
  // preview, or it would follow the user to the next markdown file they open.
  try {
    await vscode.commands.executeCommand('markdown.showPreview');
    await vscode.commands.executeCommand('markdown.preview.toggleLock');
  } catch {
    // No markdown preview (extension disabled): the markdown source stays open instead.
  }
}

export function loadRuleIndex(context: vscode.ExtensionContext): RuleIndexEntry[] {
  const file = context.asAbsolutePath(BundlePaths.ruleIndex);
  return JSON.parse(readFileSync(file, 'utf8')) as RuleIndexEntry[];
}

/** Lets the user pick a rule from the bundled index; returns its id. */
export async function pickRule(rules: readonly RuleIndexEntry[]): Promise<string | undefined> {
  const items: Array<vscode.QuickPickItem & { ruleId?: string }> = [];
  let category = '';
  for (const rule of rules) {
    if (rule.category !== category) {
      category = rule.category;
      items.push({ label: category, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({ label: rule.id, description: rule.severity, detail: rule.summary, ruleId: rule.id });
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Reframe rule reference', matchOnDetail: true });
  return picked?.ruleId;
}
