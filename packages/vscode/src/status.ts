/** The language status item: finding count, genre and preset for the active file. */

import { DIAGNOSTIC_SOURCE } from '@reframe/language-server/protocol';
import * as vscode from 'vscode';
import type { ReframeClient } from './client';
import { Command } from './commandIds';
import { documentSelector, readClientSettings } from './settings';
import { statusDetail, statusText } from './statusText';

export const STATUS_ITEM_ID = 'reframe.status';

/** Findings carry their rule id as `code`; other Reframe notices (a file too large to check) do not. */
export function countFindings(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE && d.code !== undefined).length;
}

export class FindingStatus implements vscode.Disposable {
  private item: vscode.LanguageStatusItem;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: ReframeClient) {
    this.item = this.createItem();
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      client.onDidChangeState(() => this.update()),
      client.onDidChangeGenre((uri) => {
        if (uri === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
    );
    this.update();
  }

  /** The selector of a language status item is fixed, so a change of `reframe.languages` recreates it. */
  recreate(): void {
    this.item.dispose();
    this.item = this.createItem();
    this.update();
  }

  /** Current text, also returned by the extension API for tests. */
  get text(): string {
    return this.item.text;
  }

  get detail(): string | undefined {
    return this.item.detail;
  }

  private createItem(): vscode.LanguageStatusItem {
    const item = vscode.languages.createLanguageStatusItem(STATUS_ITEM_ID, documentSelector(readClientSettings().languages));
    item.name = 'Reframe';
    return item;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const settings = readClientSettings(document);
    if (!this.client.running) {
      this.item.text = 'Reframe: off';
      this.item.detail = 'turned off for this workspace';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      this.item.command = { title: 'Turn on', command: Command.toggleWorkspace };
      return;
    }
    const count = document ? countFindings(document.uri) : 0;
    const genre = document ? this.client.genreOf(document.uri) : undefined;
    this.item.text = statusText(count, genre);
    this.item.detail = statusDetail(settings.preset, genre);
    this.item.severity = count > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    this.item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
