/**
 * The language server as a child process, driven over stdio by a real LSP client
 * (vscode-languageserver-protocol): initialize, open, change, diagnostics, every code action applied
 * to the text, hover, commands, settings and config-file changes, shutdown and exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CodeAction, type Diagnostic, DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { NOTE } from './helpers.js';
import { applyEdits, SERVER_BIN } from './lsp-client.js';
import { clientStarter } from './start-client.js';

const { start, tempWorkspace } = clientStarter();

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const ids = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code);

function byRule(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const d = diagnostics.find((x) => x.code === ruleId);
  if (!d) throw new Error(`no ${ruleId} in ${JSON.stringify(ids(diagnostics))}`);
  return d;
}

/** Apply a code action's edit to the document text, as an editor would. */
function applyAction(action: CodeAction, uri: string, text: string): string {
  const edits = action.edit?.changes?.[uri];
  if (!edits) throw new Error(`action "${action.title}" has no edit for ${uri}`);
  return applyEdits(text, edits);
}

// Each test starts a server process; on a busy 2-core machine that alone can take seconds.
describe('reframe-language-server over stdio', { timeout: 120_000 }, () => {
  it('initializes with the agreed capabilities and registers config-file watchers', async () => {
    const { client } = await start();
    await client.until(() => client.registrations.includes('workspace/didChangeWatchedFiles'), 'watcher registration');
    await client.until(() => client.registrations.includes('workspace/didChangeConfiguration'), 'settings registration');
  });

  it('keeps working when the client refuses dynamic registration', async () => {
    const { client, ws } = await start({ refuseRegistrations: true });
    await client.until(() => client.registrations.includes('workspace/didChangeWatchedFiles'), 'watcher registration');
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    expect(await client.diagnostics(uri, 1)).toHaveLength(5);
    expect(client.logs.join('\n')).toContain('registering file watchers failed');
    expect(client.child.exitCode).toBeNull();
  });

  it('advertises commands, code action kinds and hover', async () => {
    const { init } = await start();
    expect(init.capabilities.executeCommandProvider?.commands).toEqual(
      expect.arrayContaining(['reframe.lintWorkspace', 'reframe.explain', 'reframe.fixAll']),
    );
    expect(init.capabilities.hoverProvider).toBe(true);
    expect(init.capabilities.codeActionProvider).toMatchObject({
      codeActionKinds: expect.arrayContaining(['quickfix', 'source.fixAll.reframe']),
    });
    expect(init.serverInfo?.name).toBe('reframe-language-server');
  });

  it('publishes findings on open with rule id, source, reference link, start position and the version', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    const diagnostics = await client.diagnostics(uri, 1);
    expect(ids(diagnostics)).toEqual([
      'suicide/committed-suicide',
      'credibility/claims',
      'disability/wheelchair-bound',
      'substance/addict',
      'substance/addict',
    ]);
    const doc = client.document(uri);
    for (const d of diagnostics) {
      expect(d.source).toBe('reframe');
      // Only the start position goes on the wire: suggestions and fixes stay on the server for code actions.
      expect(d.data).toEqual({ line: d.range.start.line, character: d.range.start.character });
      expect(d.codeDescription?.href).toBe(
        `https://github.com/reframe-lint/reframe/blob/main/rules/README.md#${String(d.code).replace('/', '')}`,
      );
    }
    const suicide = byRule(diagnostics, 'suicide/committed-suicide');
    expect(suicide.severity).toBe(DiagnosticSeverity.Error);
    expect(suicide.range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 29 } });
    expect(doc.getText(suicide.range)).toBe('committed suicide');
    expect(suicide.data).toEqual({ line: 0, character: 12 });
    const repairs = await client.codeActions(uri, suicide.range, [suicide]);
    expect(repairs.filter((a) => a.kind === 'quickfix.reframe.replace').map((a) => a.title)).toEqual([
      'Replace with “died by suicide”',
      'Replace with “took their own life”',
    ]);
    // Standard clinical wording in the same note is left alone.
    const flagged = diagnostics.map((d) => doc.getText(d.range).toLowerCase());
    for (const fine of ['denies', 'clean', 'negative']) expect(flagged.join(' ')).not.toContain(fine);
  });

  it('answers code actions for diagnostics echoed without range or source (rule id and start only)', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    const suicide = byRule(await client.diagnostics(uri, 1), 'suicide/committed-suicide');
    const partial = { code: suicide.code, data: suicide.data } as unknown as Diagnostic;
    const actions = await client.codeActions(uri, suicide.range, [partial]);
    const preferred = actions.find((a) => a.isPreferred);
    expect(preferred?.title).toBe('Replace with “died by suicide”');
    expect(applyAction(preferred as CodeAction, uri, NOTE)).toContain('Her brother died by suicide in 2019.');
  });

  it('re-lints after changes, debounced, and never publishes results for a superseded version', async () => {
    const { client, ws } = await start({ settings: { debounceMs: 150 } });
    const uri = ws.uri('note.md');
    await client.open(uri, 'markdown', 'All fine here.\n');
    expect(await client.diagnostics(uri, 1)).toEqual([]);
    const end = { line: 1, character: 0 };
    await client.change(uri, 'He is an addict.\n', { start: end, end });
    await client.change(uri, 'She claims pain.\n', { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    const v4 = await client.change(uri, 'Committed suicide.\n', { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } });
    const diagnostics = await client.diagnostics(uri, v4);
    expect(ids(diagnostics)).toEqual(['substance/addict', 'credibility/claims', 'suicide/committed-suicide']);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
    expect(versions).toEqual([1, v4]);
  });

  it('offers every code action, and each one changes the text as it says', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    const diagnostics = await client.diagnostics(uri, 1);
    const addict = byRule(diagnostics, 'substance/addict');
    const actions = await client.codeActions(uri, addict.range, [addict]);
    const titles = actions.map((a) => `${a.kind} | ${a.title}`);
    expect(titles).toEqual([
      'quickfix.reframe.replace | Replace with “a person with an addiction”',
      'quickfix.reframe.replace | Replace with “a person who uses drugs”',
      'quickfix.reframe.replace | Replace with “a person with a substance use disorder”',
      'quickfix.reframe.replaceAll | Replace all 2 “substance/addict” findings in this file',
      'quickfix.reframe.ignoreLine | Ignore “substance/addict” on this line',
      'quickfix.reframe.allowPhrase | Allow “addict” in this workspace',
      'quickfix.reframe.disableRule | Disable rule “substance/addict” in this workspace',
      'source.fixAll.reframe | Apply all 2 safe Reframe fixes in this file',
    ]);
    expect(actions.filter((a) => a.isPreferred).map((a) => a.title)).toEqual(['Replace with “a person with an addiction”']);
    const [replace, second, , replaceAll, ignore, allow, disable, fixAll] = actions as [
      CodeAction,
      CodeAction,
      CodeAction,
      CodeAction,
      CodeAction,
      CodeAction,
      CodeAction,
      CodeAction,
    ];
    const lines = (text: string) => text.split('\n');

    expect(lines(applyAction(replace, uri, NOTE))[3]).toBe('The patient is wheelchair-bound and a person with an addiction.');
    expect(lines(applyAction(second, uri, NOTE))[3]).toBe('The patient is wheelchair-bound and a person who uses drugs.');
    const all = applyAction(replaceAll, uri, NOTE);
    expect(lines(all)[3]).toContain('and a person with an addiction.');
    expect(lines(all)[4]).toBe('Another person with an addiction was seen. Urine drug screen negative; wound is clean.');
    const fixed = applyAction(fixAll, uri, NOTE);
    expect(lines(fixed)[0]).toBe('Her brother died by suicide in 2019.');
    expect(lines(fixed)[3]).toBe('The patient uses a wheelchair and an addict.');
    expect(fixAll.diagnostics?.map((d) => d.code)).toEqual(['suicide/committed-suicide', 'disability/wheelchair-bound']);

    // Ignore this line: the directive goes above the line, and the server then drops the finding.
    const ignored = applyAction(ignore, uri, NOTE);
    expect(lines(ignored)[3]).toBe('# reframe-disable-next-line substance/addict');
    const v2 = await client.change(uri, ignored);
    const after = await client.diagnostics(uri, v2);
    expect(after.filter((d) => d.code === 'substance/addict').map((d) => d.range.start.line)).toEqual([5]);
    expect(after).toHaveLength(diagnostics.length - 1);

    // Allow and disable run on the server, which writes .reframerc.json through workspace/applyEdit.
    expect(allow.command).toEqual({ title: allow.title, command: 'reframe.allowPhrase', arguments: [uri, 'addict'] });
    await client.executeCommand(allow.command?.command ?? '', allow.command?.arguments ?? []);
    const rc = join(ws.dir, '.reframerc.json');
    expect(JSON.parse(client.editedFiles.get(rc) ?? 'null')).toEqual({ allow: ['addict'] });
    const v3 = client.document(uri).version;
    await client.until(() => {
      const d = client.published.filter((p) => p.uri === uri && p.version === v3).at(-1);
      return d && !d.diagnostics.some((x) => x.code === 'substance/addict') && d;
    }, 'addict allowed before the file is saved');

    expect(disable.command?.arguments).toEqual([uri, 'substance/addict']);
    const claims = byRule(diagnostics, 'credibility/claims');
    const claimActions = await client.codeActions(uri, claims.range, [claims]);
    const disableClaims = claimActions.find((a) => a.kind === 'quickfix.reframe.disableRule');
    expect(claimActions.filter((a) => a.kind === 'quickfix.reframe.replace').map((a) => a.title)).toEqual([
      'Replace with “reports”',
      'Replace with “states”',
    ]);
    await client.executeCommand(disableClaims?.command?.command ?? '', disableClaims?.command?.arguments ?? []);
    expect(JSON.parse(client.editedFiles.get(rc) ?? 'null')).toEqual({ allow: ['addict'], rules: { 'credibility/claims': 'off' } });
    await client.until(() => {
      const d = client.diagnosticsFor(uri);
      return d && !d.some((x) => x.code === 'credibility/claims') && d;
    }, 'claims disabled');

    // The editor saves the file: the server reads it from disk and keeps the same result.
    writeFileSync(rc, client.editedFiles.get(rc) ?? '');
    const published = client.published.length;
    await client.filesChanged([{ uri: ws.uri('.reframerc.json'), type: FileChangeType.Created }]);
    await client.until(() => client.published.length > published && client.published.at(-1)?.uri === uri, 're-lint after save');
    expect(ids(client.diagnosticsFor(uri) ?? [])).toEqual(['suicide/committed-suicide', 'disability/wheelchair-bound']);
  });

  it('writes ignore directives in Markdown comment syntax and merges into an existing config', async () => {
    const { client, ws } = await start();
    ws.write('.reframerc.yaml', 'rules:\n  credibility/claims: "off"\n');
    const uri = ws.uri('letter.md');
    const text = '# Referral\n\n- She is an addict.\n';
    await client.open(uri, 'markdown', text);
    const [addict] = await client.diagnostics(uri, 1);
    if (!addict) throw new Error('no finding');
    const actions = await client.codeActions(uri, addict.range, [addict]);
    const ignore = actions.find((a) => a.kind === 'quickfix.reframe.ignoreLine');
    const ignored = applyAction(ignore as CodeAction, uri, text);
    expect(ignored).toBe('# Referral\n\n<!-- reframe-disable-next-line substance/addict -->\n- She is an addict.\n');
    const v2 = await client.change(uri, ignored);
    expect(await client.diagnostics(uri, v2)).toEqual([]);
    // A new .reframerc.json extends the YAML config it now shadows, so nothing is lost.
    const allow = actions.find((a) => a.kind === 'quickfix.reframe.allowPhrase');
    await client.executeCommand(allow?.command?.command ?? '', allow?.command?.arguments ?? []);
    expect(JSON.parse(client.editedFiles.get(join(ws.dir, '.reframerc.json')) ?? 'null')).toEqual({
      extends: './.reframerc.yaml',
      allow: ['addict'],
    });
  });

  it('ignores a finding in HTML and one that spans two lines', async () => {
    const { client, ws } = await start();
    const html = ws.uri('module.html');
    const page = '<html><body>\n  <p>He is an addict.</p>\n</body></html>\n';
    await client.open(html, 'html', page);
    const [inHtml] = await client.diagnostics(html, 1);
    const htmlIgnore = (await client.codeActions(html, inHtml?.range ?? ZERO, inHtml ? [inHtml] : [])).find(
      (a) => a.kind === 'quickfix.reframe.ignoreLine',
    );
    const ignoredPage = applyAction(htmlIgnore as CodeAction, html, page);
    expect(ignoredPage).toBe(
      '<html><body>\n  <!-- reframe-disable-next-line substance/addict -->\n  <p>He is an addict.</p>\n</body></html>\n',
    );
    expect(await client.diagnostics(html, await client.change(html, ignoredPage))).toEqual([]);

    const txt = ws.uri('wrapped.txt');
    const note = 'Her brother committed\nsuicide in 2019. He is an addict.\n';
    await client.open(txt, 'plaintext', note);
    const spanning = byRule(await client.diagnostics(txt, 1), 'suicide/committed-suicide');
    expect(spanning.range.start.line).toBe(0);
    expect(spanning.range.end.line).toBe(1);
    const ignore = (await client.codeActions(txt, spanning.range, [spanning])).find((a) => a.kind === 'quickfix.reframe.ignoreLine');
    const ignored = applyAction(ignore as CodeAction, txt, note);
    expect(ignored).toBe(
      '# reframe-disable suicide/committed-suicide\nHer brother committed\nsuicide in 2019. He is an addict.\n# reframe-enable suicide/committed-suicide\n',
    );
    // Only that rule is silenced: "addict" on the same line is still reported.
    expect(ids(await client.diagnostics(txt, await client.change(txt, ignored)))).toEqual(['substance/addict']);
  });

  it('merges into an existing .reframerc.json and keeps its keys', async () => {
    const { client, ws } = await start();
    const rc = ws.write('.reframerc.json', '{\n  "preset": "clinical-notes",\n  "allow": ["heroin addict"]\n}\n');
    const uri = ws.uri('n.txt');
    await client.open(uri, 'plaintext', 'The patient is an alcoholic.\n');
    const [d] = await client.diagnostics(uri, 1);
    const actions = await client.codeActions(
      uri,
      d?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      d ? [d] : [],
    );
    const disable = actions.find((a) => a.kind === 'quickfix.reframe.disableRule');
    await client.executeCommand(disable?.command?.command ?? '', disable?.command?.arguments ?? []);
    expect(JSON.parse(client.editedFiles.get(rc) ?? 'null')).toEqual({
      preset: 'clinical-notes',
      allow: ['heroin addict'],
      rules: { [String(d?.code)]: 'off' },
    });
  });

  it('hover explains the finding: note, suggestions and sources as links', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    await client.diagnostics(uri, 1);
    const hover = await client.hover(uri, { line: 0, character: 15 });
    if (!hover) throw new Error('no hover');
    const { kind, value } = hover.contents as { kind: string; value: string };
    expect(kind).toBe('markdown');
    expect(value).toContain('suicide/committed-suicide');
    expect(value).toContain('links suicide with crime');
    expect(value).toContain('**Suggestions:** “died by suicide”, “took their own life”');
    expect(value).toMatch(/\[[^\]]+\]\(https:\/\/[^)]+\)/);
    expect(hover?.range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 29 } });
    expect(await client.hover(uri, { line: 1, character: 30 })).toBeNull();
  });

  it('hover and explain say where a rule applies (its voices and genres)', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('record.txt');
    await client.open(uri, 'plaintext', 'Patient is a poor historian and was seen on the ward today.\n');
    const [d] = await client.diagnostics(uri, 1);
    expect(d?.code).toBe('credibility/poor-historian');
    const hover = await client.hover(uri, d?.range.start ?? { line: 0, character: 0 });
    if (!hover) throw new Error('no hover');
    expect((hover.contents as { value: string }).value).toContain('Applies only in sentences that are a record of a person.');
    const explained = (await client.executeCommand('reframe.explain', ['relationships/assumed-partner-question'])) as string;
    expect(explained).toContain('By genre: off in letters and answers to clients.');
  });

  it('applies client settings over the config file and re-lints on workspace/didChangeConfiguration', async () => {
    const { client, ws } = await start();
    ws.write('.reframerc.json', JSON.stringify({ rules: { 'suicide/committed-suicide': 'off' } }));
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    expect(ids(await client.diagnostics(uri, 1))).not.toContain('suicide/committed-suicide');
    const before = client.published.length;
    await client.changeSettings({
      debounceMs: 20,
      rules: { 'credibility/*': 'off', 'substance/addict': 'hint' },
      allow: ['wheelchair-bound'],
    });
    await client.until(() => client.published.length > before, 'publish after settings change');
    const after = client.diagnosticsFor(uri) ?? [];
    expect(ids(after)).toEqual(['substance/addict', 'substance/addict']);
    expect(after.every((d) => d.severity === DiagnosticSeverity.Hint)).toBe(true);
    // Other languages are only linted when listed; `enable: false` clears the diagnostics.
    const py = ws.uri('notes.rst');
    await client.open(py, 'restructuredtext', 'He is an addict.\n');
    expect(await client.diagnostics(py, 1)).toEqual([]);
    const n = client.published.length;
    await client.changeSettings({ enable: false });
    await client.until(() => client.published.length >= n + 2, 'publish after disabling');
    expect(client.diagnosticsFor(uri)).toEqual([]);
    await client.changeSettings({ languages: ['restructuredtext'] });
    await client.until(() => (client.diagnosticsFor(py) ?? []).length === 1, 'rst linted once listed');
    expect(client.diagnosticsFor(uri)).toEqual([]);
  });

  it('watches config files: a change re-lints; a broken file gets a diagnostic and the last good config stays', async () => {
    const { client, ws } = await start();
    const rcUri = ws.uri('.reframerc.json');
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    expect(await client.diagnostics(uri, 1)).toHaveLength(5);
    ws.write('.reframerc.json', '{ "rules": { "substance/addict": "off" } }\n');
    let n = client.published.length;
    await client.filesChanged([{ uri: rcUri, type: FileChangeType.Created }]);
    await client.until(() => client.published.length > n && (client.diagnosticsFor(uri) ?? []).length === 3, 'addict off from the file');

    ws.write('.reframerc.json', '{\n  "rules": {\n    "substance/addict": "of"\n  }\n}\n');
    n = client.published.length;
    await client.filesChanged([{ uri: rcUri, type: FileChangeType.Changed }]);
    const problems = await client.until(() => {
      const p = client.published.slice(n).find((x) => x.uri === rcUri);
      return p?.diagnostics.length ? p.diagnostics : undefined;
    }, 'diagnostic on the config file');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.range.start.line).toBe(2);
    expect(problems[0]?.message).toMatch(/substance\/addict|must be equal|allowed/);
    await client.until(() => client.published.slice(n).some((x) => x.uri === uri), 'note re-linted');
    expect(ids(client.diagnosticsFor(uri) ?? [])).not.toContain('substance/addict');
    expect(client.logs.join('\n')).not.toContain('committed suicide');

    ws.write('.reframerc.json', '{ "rules": { "credibility/claims": "off" } }\n');
    n = client.published.length;
    await client.filesChanged([{ uri: rcUri, type: FileChangeType.Changed }]);
    await client.until(() => client.published.slice(n).some((x) => x.uri === rcUri && x.diagnostics.length === 0), 'problem cleared');
    await client.until(() => {
      const d = client.diagnosticsFor(uri) ?? [];
      return d.length === 4 && !ids(d).includes('credibility/claims');
    }, 'new config in force');
  });

  it('does not lint a document above maxFileSize and says why', async () => {
    const { client, ws } = await start({ settings: { maxFileSize: 100 } });
    const uri = ws.uri('big.txt');
    await client.open(uri, 'plaintext', `${'He is an addict. '.repeat(10)}\n`);
    const [d, ...rest] = await client.diagnostics(uri, 1);
    expect(rest).toEqual([]);
    expect(d?.severity).toBe(DiagnosticSeverity.Information);
    expect(d?.message).toContain('above the reframe.maxFileSize limit of 100 bytes');
  });

  it("answers a huge document with one notice under the default limit, and honours the config file's maxFileSize", async () => {
    const { client, ws } = await start();
    const huge = ws.uri('huge.txt');
    // 24 MB: linting it would take the server minutes; it must answer with the notice instead.
    await client.open(huge, 'plaintext', 'He is an addict. '.repeat(1_500_000));
    const [notice, ...others] = await client.diagnostics(huge, 1);
    expect(others).toEqual([]);
    expect(notice?.message).toMatch(/it is 24 MB, above the reframe\.maxFileSize limit of 5 MB/);

    ws.write('small/.reframerc.json', JSON.stringify({ maxFileSize: '1KB' }));
    const small = ws.uri('small/note.txt');
    await client.open(small, 'plaintext', 'He is an addict. '.repeat(100));
    const [limited, ...rest] = await client.diagnostics(small, 1);
    expect(rest).toEqual([]);
    expect(limited?.message).toContain('above the maxFileSize of');
    expect(limited?.message).toContain('limit of 1 KB');
  });

  it('runs the commands: explain, fixAll and lintWorkspace', async () => {
    const { client, ws } = await start();
    const explained = (await client.executeCommand('reframe.explain', ['substance/addict'])) as string;
    expect(explained).toMatch(/^# substance\/addict/);
    expect(explained).toContain('**Sources:**');
    await expect(client.executeCommand('reframe.explain', ['substance/adict'])).rejects.toThrow(/did you mean "substance\/addict"/);

    ws.write('note.txt', NOTE);
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    await client.diagnostics(uri, 1);
    const result = await client.executeCommand('reframe.fixAll', [uri]);
    expect(result).toEqual({ applied: true, fixes: 2 });
    await client.until(() => client.text(uri).startsWith('Her brother died by suicide'), 'fixAll applied');
    expect(client.text(uri).split('\n')[3]).toBe('The patient uses a wheelchair and an addict.');

    ws.write('a.md', '# Note\n\nShe is an addict.\n');
    ws.write('sub/b.txt', 'He committed suicide.\nHe claims pain.\n');
    ws.write('ignored.log', 'addict');
    // The config's `ignore` globs apply as in the CLI.
    ws.write('.reframerc.json', JSON.stringify({ ignore: ['drafts/**'] }));
    ws.write('drafts/c.md', 'He is an addict.\n');
    const summary = await client.executeCommand('reframe.lintWorkspace', []);
    // note.txt (the open, fixed buffer, not the disk: 3 findings), a.md (1), sub/b.txt (2).
    expect(summary).toEqual({ files: 3, findings: 6 });
    expect(ids(client.diagnosticsFor(ws.uri('sub/b.txt')) ?? [])).toEqual(['suicide/committed-suicide', 'credibility/claims']);
  });

  it('sees config-file edits on the next lint when the client cannot watch files', async () => {
    const { client, ws } = await start({ capabilities: { workspace: { configuration: true } } });
    const uri = ws.uri('note.txt');
    ws.write('.reframerc.json', '{}');
    await client.open(uri, 'plaintext', NOTE);
    expect(await client.diagnostics(uri, 1)).toHaveLength(5);
    expect(client.registrations).not.toContain('workspace/didChangeWatchedFiles');
    ws.write('.reframerc.json', JSON.stringify({ rules: { 'substance/*': 'off' } }));
    const v2 = await client.change(uri, '\n', { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } });
    expect(ids(await client.diagnostics(uri, v2))).toEqual([
      'suicide/committed-suicide',
      'credibility/claims',
      'disability/wheelchair-bound',
    ]);
  });

  it('reads the rules folder from initializationOptions.rulesDir, else REFRAME_RULES_DIR', async () => {
    const rules = tempWorkspace();
    const repoRules = join(import.meta.dirname, '..', '..', '..', 'rules');
    for (const name of ['sources.yml', 'context.yml', 'suicide.yml']) rules.write(name, readFileSync(join(repoRules, name), 'utf8'));
    for (const how of ['option', 'env'] as const) {
      const { client, ws } = await start(
        how === 'option' ? { initializationOptions: { rulesDir: rules.dir } } : { env: { REFRAME_RULES_DIR: rules.dir } },
      );
      const uri = ws.uri('note.txt');
      await client.open(uri, 'plaintext', NOTE);
      expect(ids(await client.diagnostics(uri, 1))).toEqual(['suicide/committed-suicide']);
    }
  });

  it('over stdio, exits when the client closes stdin: 0 after a shutdown request, 1 without', async () => {
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const run = async (shutdown: boolean): Promise<number | null> => {
      const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: 'pipe' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
      if (shutdown) child.stdin.write(frame({ id: 2, method: 'shutdown', params: null }));
      // Close only once the server has answered (the shutdown answer, or initialize's).
      for (let i = 0; i < 200 && !out.includes(shutdown ? '"id":2' : '"id":1'); i++) await new Promise((r) => setTimeout(r, 25));
      child.stdin.end();
      return exited;
    };
    expect(await run(true)).toBe(0);
    expect(await run(false)).toBe(1);
  });

  it('survives bad requests and bad input, then shuts down and exits cleanly', async () => {
    const { client, ws } = await start();
    expect(await client.hover(ws.uri('never-opened.txt'), { line: 0, character: 0 })).toBeNull();
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    const diagnostics = await client.diagnostics(uri, 1);
    // A diagnostic whose data is not ours gets no actions; nor does one from before an edit that
    // removed the finding (the server checks against the current text, not the client's copy).
    const first = diagnostics[0] as Diagnostic;
    const foreign = { ...first, data: { nonsense: true } } as Diagnostic;
    expect(await client.codeActions(uri, first.range, [foreign])).toEqual([]);
    const v2 = await client.change(uri, 'Her brother died in 2019.', { start: { line: 0, character: 0 }, end: { line: 0, character: 38 } });
    await client.diagnostics(uri, v2);
    expect(await client.codeActions(uri, first.range, [first])).toEqual([]);
    await expect(client.executeCommand('reframe.nope', [])).rejects.toThrow(/unknown command/);
    await expect(client.executeCommand('reframe.fixAll', ['file:///not/open.txt'])).rejects.toThrow(/open document/);
    // Binary-ish and odd text: lints without crashing; the server still answers afterwards.
    const odd = ws.uri('odd.txt');
    await client.open(odd, 'plaintext', '\u0000\uFFFD\uD800 addict \r\r\n\n<!-- reframe-disable\n');
    await client.diagnostics(odd, 1);
    expect(existsSync(join(ws.dir, '.reframerc.json'))).toBe(false);
    expect(await client.shutdown()).toBe(0);
  });
});
