/**
 * The editor's config commands and config files from an untrusted workspace: `reframe.disableRule`
 * takes only a rule id of the document's rule set, the server never writes a `.reframerc.json` that
 * would then be refused, and a workspace whose config names a device, a FIFO or a file outside the
 * project gets a config diagnostic while the server keeps answering. Every note is invented; every
 * hostile file is generated here.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { NOTE, type Workspace, workspace } from './helpers.js';
import { LspClient } from './lsp-client.js';

const running: Array<{ client: LspClient; ws: Workspace }> = [];
afterEach(() => {
  for (const { client, ws } of running.splice(0)) {
    client.kill();
    ws.remove();
  }
});

/** A server on a fresh workspace; `folder` is the workspace folder inside it (default: the workspace itself). */
async function serve(files: Record<string, string> = {}, folder = ''): Promise<{ client: LspClient; ws: Workspace; root: string }> {
  const ws = workspace();
  for (const [name, text] of Object.entries(files)) ws.write(name, text);
  const root = join(realpathSync(ws.dir), folder);
  mkdirSync(root, { recursive: true });
  const client = new LspClient({ rootDir: root, settings: { debounceMs: 20 } });
  running.push({ client, ws });
  await client.initialize();
  return { client, ws, root };
}

/** The diagnostics published for a file on disk, once there are some. */
function problemsOn(client: LspClient, path: string): Promise<Diagnostic[]> {
  const uri = pathToFileURL(path).href;
  return client.until(() => {
    const found = client.published.filter((p) => p.uri === uri).at(-1)?.diagnostics;
    return found?.length ? found : undefined;
  }, `a diagnostic on ${path}`);
}

describe('reframe.disableRule and the workspace config', { timeout: 120_000 }, () => {
  it('refuses a rule id that is not one of the rules, and writes nothing', async () => {
    const { client, root } = await serve();
    const uri = pathToFileURL(join(root, 'note.txt')).href;
    await client.open(uri, 'plaintext', NOTE);
    await client.diagnostics(uri, 1);
    for (const [id, why] of [
      ['../../../etc/x', /needs a rule id of the form category\/name/],
      ['substance/addict/../../x', /needs a rule id of the form category\/name/],
      ['substance/adict', /unknown rule "substance\/adict" \(did you mean "substance\/addict"\?\)/],
      ['equality/his-her', /unknown rule "equality\/his-her"/],
    ] as const) {
      await expect(client.executeCommand('reframe.disableRule', [uri, id])).rejects.toThrow(why);
    }
    expect([...client.editedFiles.keys()]).toEqual([]);
    expect(existsSync(join(root, '.reframerc.json'))).toBe(false);
    // A rule of the rule set is still turned off.
    await client.executeCommand('reframe.disableRule', [uri, 'substance/addict']);
    expect(JSON.parse(client.editedFiles.get(join(root, '.reframerc.json')) ?? 'null')).toEqual({ rules: { 'substance/addict': 'off' } });
  });

  it('never writes a config that would then be refused, and says why', async () => {
    const { client, root } = await serve({ '.reframerc.json': '{\n  "presets": "clinical-notes"\n}\n' });
    const uri = pathToFileURL(join(root, 'note.txt')).href;
    await client.open(uri, 'plaintext', NOTE);
    await client.diagnostics(uri, 1);
    expect(await client.executeCommand('reframe.disableRule', [uri, 'substance/addict'])).toEqual({ applied: false });
    await client.until(
      () => client.logs.find((m) => m.includes('unknown key "presets"') && m.includes('nothing was written')),
      'the reason',
    );
    // An allowed phrase that is no phrase at all (a lone wildcard) would leave the config unusable.
    const clean = await serve();
    const noteUri = pathToFileURL(join(clean.root, 'note.txt')).href;
    await clean.client.open(noteUri, 'plaintext', NOTE);
    await clean.client.diagnostics(noteUri, 1);
    expect(await clean.client.executeCommand('reframe.allowPhrase', [noteUri, '*'])).toEqual({ applied: false });
    expect([...clean.client.editedFiles.keys()]).toEqual([]);
    expect([...client.editedFiles.keys()]).toEqual([]);
    // A client that cannot show the message answers with an error; the server carries on.
    expect(await client.executeCommand('reframe.explain', ['substance/addict'])).toMatch(/addict/);
  });

  it('a new .reframerc.json may extend the config kept above the workspace', async () => {
    const { client, root } = await serve({ '.reframerc.yaml': 'rules:\n  credibility/claims: "off"\n' }, 'notes');
    const uri = pathToFileURL(join(root, 'note.txt')).href;
    await client.open(uri, 'plaintext', NOTE);
    await client.diagnostics(uri, 1);
    await client.executeCommand('reframe.allowPhrase', [uri, 'addict']);
    expect(JSON.parse(client.editedFiles.get(join(root, '.reframerc.json')) ?? 'null')).toEqual({
      extends: '../.reframerc.yaml',
      allow: ['addict'],
    });
  });
});

describe('hostile config files in the workspace', { timeout: 120_000 }, () => {
  it.each([
    ['extends: /dev/zero', /^extends "\/dev\/zero" is outside the trusted folders/, 9],
    ['packs: [/dev/zero]', /^packs "\/dev\/zero" is outside the trusted folders/, 8],
    ['extends: ../../../../../../etc/passwd', /^extends "[./]*etc\/passwd" is outside the trusted folders/, 9],
  ] as const)('%s: a diagnostic at the setting, the note linted with the bundled rules, the server alive', async (config, message, at) => {
    const { client, root } = await serve({ '.reframerc.yaml': `${config}\n` });
    const uri = pathToFileURL(join(root, 'note.txt')).href;
    await client.open(uri, 'plaintext', NOTE);
    const [problem] = await problemsOn(client, join(root, '.reframerc.yaml'));
    expect(problem?.message).toMatch(message);
    expect(problem?.range.start).toEqual({ line: 0, character: at });
    expect(await client.diagnostics(uri, 1)).toHaveLength(5);
    expect(await client.executeCommand('reframe.explain', ['substance/addict'])).toMatch(/addict/);
  });

  it('a FIFO as the config file is refused without blocking the server', async () => {
    const { client, root } = await serve();
    execFileSync('mkfifo', [join(root, '.reframerc.json')]);
    const uri = pathToFileURL(join(root, 'note.txt')).href;
    await client.open(uri, 'plaintext', NOTE);
    const [problem] = await problemsOn(client, join(root, '.reframerc.json'));
    expect(problem?.message).toBe('is a FIFO (named pipe); a config file must be a regular file');
    expect(await client.diagnostics(uri, 1)).toHaveLength(5);
  });
});
