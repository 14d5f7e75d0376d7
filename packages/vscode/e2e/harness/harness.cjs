// Test-only extension, installed next to Reframe in code-server. It drives Reframe through the real
// extension-host API and records raw observations as JSON; e2e/checks.mjs judges them.
// Phase 1 (before the browser takes its screenshot): diagnostics, hover, code actions, status.
// Phase 2 (after e2e/run.mjs writes go.json): quick fix, explain, fix all, lint workspace, toggle.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));
const out = (name, value) => fs.writeFileSync(path.join(config.resultDir, name), JSON.stringify(value, null, 1));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const started = Date.now();
const log = [];
const lap = (what) => log.push(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);

exports.activate = () => {
  run().catch((error) => out('error.json', { error: String(error?.stack ?? error), log }));
};

async function waitFor(what, probe, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const fileUri = (name) => vscode.Uri.file(path.join(config.workspace, name));
const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'reframe');
const plainRange = (r) => ({
  start: { line: r.start.line, character: r.start.character },
  end: { line: r.end.line, character: r.end.character },
});
const plainDiagnostic = (d) => ({
  code: typeof d.code === 'object' ? d.code.value : d.code,
  source: d.source,
  severity: d.severity,
  message: d.message,
  range: plainRange(d.range),
  data: d.data,
});
const hoverText = (hovers) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');

async function run() {
  const reframe = vscode.extensions.getExtension('reframe.reframe-vscode');
  const api = await reframe.activate();
  lap(`reframe active, server running: ${api.isRunning()}`);

  // Phase 1: open the note and look at what Reframe reports.
  const note = fileUri('note.md');
  const doc = await vscode.workspace.openTextDocument(note);
  const editor = await vscode.window.showTextDocument(doc);
  const diagnostics = await waitFor('diagnostics on note.md', () => (ours(note).length ? ours(note) : undefined));
  lap(`diagnostics: ${diagnostics.length}`);
  await sleep(500); // let a second publish (if any) land before recording
  const findings = ours(note);
  const hovers = [];
  const codeActions = [];
  for (const d of findings) {
    const inside = d.range.start.translate(0, 1);
    hovers.push({
      code: plainDiagnostic(d).code,
      text: hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', note, inside)),
    });
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', note, d.range);
    codeActions.push({
      code: plainDiagnostic(d).code,
      actions: actions.map((a) => ({
        title: a.title,
        kind: a.kind?.value,
        isPreferred: a.isPreferred,
        hasEdit: !!a.edit,
        command: a.command?.command,
      })),
    });
  }
  editor.selection = new vscode.Selection(findings[0].range.start, findings[0].range.start);
  await sleep(300);
  // The server sends the document's genre just after its diagnostics.
  await waitFor('the genre in the status', () => / · /.test(api.statusText()), 5_000).catch(() => undefined);
  out('phase1.json', {
    vscode: vscode.version,
    text: doc.getText(),
    diagnostics: findings.map(plainDiagnostic),
    hovers,
    codeActions,
    status: { text: api.statusText(), detail: api.statusDetail() },
    log,
  });

  await waitFor('go.json from the test runner', () => fs.existsSync(path.join(config.resultDir, 'go.json')), 120_000);
  // The browser has just applied a quick fix through the UI; record the result once it is re-linted.
  await waitFor('re-lint after the UI quick fix', () => ours(note).length < findings.length, 10_000).catch(() => undefined);
  const phase2 = { textAtGo: doc.getText(), diagnosticsAtGo: ours(note).map(plainDiagnostic) };

  // Quick fix through the same code action the light bulb offers.
  const target = ours(note).find((d) => String(plainDiagnostic(d).code) === config.quickFix.code);
  const actions = await vscode.commands.executeCommand(
    'vscode.executeCodeActionProvider',
    note,
    target.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title.includes(config.quickFix.titleIncludes));
  phase2.quickFix = { title: action?.title };
  if (action?.edit) await vscode.workspace.applyEdit(action.edit);
  if (action?.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  phase2.quickFix.text = doc.getText();
  phase2.quickFix.diagnosticsAfter = await waitFor(
    're-lint after the quick fix',
    () => (ours(note).some((d) => String(plainDiagnostic(d).code) === config.quickFix.code) ? undefined : ours(note).map(plainDiagnostic)),
    10_000,
  ).catch((e) => String(e));
  lap('quick fix applied');

  // Explain the finding under the cursor: opens the rule page.
  const remaining = ours(note)[0];
  editor.selection = new vscode.Selection(remaining.range.start, remaining.range.start);
  const explained = await vscode.commands.executeCommand('reframe.explainAtCursor');
  const page = await waitFor(
    'rule page document',
    () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'reframe-rule'),
    10_000,
  ).catch(() => undefined);
  const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
  // The markdown preview opens asynchronously (its extension may still be activating).
  await waitFor('the rule preview tab', () => tabLabels().some((l) => l.includes('Preview')), 15_000).catch(() => undefined);
  phase2.explain = {
    returned: explained,
    cursorCode: plainDiagnostic(remaining).code,
    pageUri: page?.uri.toString(),
    pageText: page?.getText(),
    tabs: tabLabels(),
  };
  lap('explained');

  // Fix all safe findings in another file.
  const fixall = fileUri('fixall.md');
  const fixDoc = await vscode.workspace.openTextDocument(fixall);
  await vscode.window.showTextDocument(fixDoc);
  const before = await waitFor('diagnostics on fixall.md', () => (ours(fixall).length ? ours(fixall).map(plainDiagnostic) : undefined));
  const fixAllBeforeText = fixDoc.getText();
  await vscode.commands.executeCommand('reframe.fixAllInFile', fixall);
  await waitFor('fix all to change the text', () => fixDoc.getText() !== fixAllBeforeText, 10_000).catch(() => undefined);
  phase2.fixAll = { before, textBefore: fixAllBeforeText, textAfter: fixDoc.getText() };
  await sleep(1000);
  phase2.fixAll.diagnosticsAfter = ours(fixall).map(plainDiagnostic);
  lap('fix all done');

  // Lint the workspace: a file that was never opened gets diagnostics too.
  const unopened = fileUri('unopened.txt');
  phase2.lintWorkspace = { result: await vscode.commands.executeCommand('reframe.lintWorkspaceWithProgress') };
  await waitFor('diagnostics on unopened.txt', () => ours(unopened).length > 0, 10_000).catch(() => undefined);
  phase2.lintWorkspace.unopened = ours(unopened).map(plainDiagnostic);
  lap('workspace linted');

  // A project config file (training/.reframerc.json: preset training-materials) decides the preset,
  // since the extension leaves reframe.preset unset.
  const moduleUri = fileUri('training/module.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(moduleUri));
  await waitFor('diagnostics on training/module.md', () => ours(moduleUri).length > 0, 15_000).catch(() => undefined);
  phase2.projectConfig = { diagnostics: ours(moduleUri).map(plainDiagnostic), status: api.statusDetail() };
  lap('project config respected');

  // The bundled JSON Schema validates config files: VS Code's JSON support reports a bad preset.
  const badConfig = fileUri('bad/reframe.config.json');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(badConfig));
  const others = () => vscode.languages.getDiagnostics(badConfig).filter((d) => d.source !== 'reframe');
  await waitFor('JSON schema diagnostics on bad/reframe.config.json', () => others().length > 0, 20_000).catch(() => undefined);
  phase2.jsonValidation = {
    schemaDiagnostics: others().map(plainDiagnostic),
    all: vscode.languages.getDiagnostics(badConfig).map(plainDiagnostic),
  };
  lap('config file validated');

  // Toggle off: findings disappear and the status says so; toggle on: they come back.
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('reframe.toggleWorkspace');
  // The status follows diagnostics events, which the extension host delivers a little after the change.
  const off = () => ours(note).length === 0 && !api.isRunning() && api.statusText() === 'Reframe: off';
  await waitFor('findings cleared and status off', off, 10_000).catch(() => undefined);
  phase2.toggle = { offCount: ours(note).length, offRunning: api.isRunning(), offStatus: api.statusText() };
  await vscode.commands.executeCommand('reframe.toggleWorkspace');
  // The genre follows the diagnostics from the restarted server.
  await waitFor('findings back', () => ours(note).length > 0 && /^Reframe: \d.* · /.test(api.statusText()), 20_000).catch(() => undefined);
  phase2.toggle.onCount = ours(note).length;
  phase2.toggle.onStatus = api.statusText();
  lap('toggled off and on');

  // Leave the note with its findings in view for the final screenshot.
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  out('phase2.json', { ...phase2, log });
}
