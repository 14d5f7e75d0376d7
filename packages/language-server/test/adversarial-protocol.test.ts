/**
 * What a broken or unusual client can send: malformed frames on stdio (raw bytes written between a
 * real client's messages), and documents without a language id the server knows. The server must keep
 * answering, say in the client's log what went wrong (never the document's text), and lint a note by
 * its file extension when the client does not say what it is. Every note is invented.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { ResyncingMessageReader } from '../src/message-reader.js';
import { NOTE, type Workspace, workspace } from './helpers.js';
import { applyEdits, LspClient } from './lsp-client.js';

/** Each test's server and workspace, stopped and removed after it. */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function start(settings: Record<string, unknown> = {}): Promise<{ client: LspClient; ws: Workspace }> {
  const ws = workspace();
  const client = new LspClient({ rootDir: ws.dir, settings: { debounceMs: 20, ...settings } });
  cleanups.push(() => {
    client.kill();
    ws.remove();
  });
  await client.initialize();
  return { client, ws };
}

const frame = (message: object): string => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};

/** A request the server would answer if it read it: it must not, since its frame is bad. */
const SWALLOWED = JSON.stringify({ jsonrpc: '2.0', id: 9001, method: 'workspace/executeCommand', params: { command: 'reframe.explain' } });

/** Diagnostics for exactly `version`, failing fast: the old server never answers at all. */
const diagnosticsSoon = (client: LspClient, uri: string, version: number) =>
  client.until(() => client.diagnosticsFor(uri, version), `diagnostics for ${uri} v${version}`, 15_000);

describe('malformed frames on stdio', { timeout: 60_000 }, () => {
  it('recovers at the next valid header after "Content-Length: abc", and logs the problem without text', async () => {
    const { client, ws } = await start();
    const stdin = client.child.stdin;
    stdin.write(`Content-Length: abc\r\n\r\n${SWALLOWED}`);
    const uri = ws.uri('note.txt');
    await client.open(uri, 'plaintext', NOTE);
    expect((await diagnosticsSoon(client, uri, 1)).map((d) => d.code)).toContain('suicide/committed-suicide');
    const problem = await client.until(() => client.logs.find((l) => l.includes('Content-Length')), 'a log line');
    expect(problem).toBe(
      'ignored a message from the client: its Content-Length is not a whole number; reading again from the next Content-Length header',
    );
    // The bad frame's body was skipped, not run.
    expect(client.logs.join('\n')).not.toContain('9001');
    expect(await client.executeCommand('reframe.explain', ['substance/addict'])).toContain('substance/addict');
  });

  it('recovers from each kind of bad frame, however the bytes are split', async () => {
    const { client, ws } = await start();
    const stdin = client.child.stdin;
    const notJson = '{"jsonrpc":"2.0", committed suic';
    const again = '; reading again from the next Content-Length header';
    const cases: Array<[bad: string, problem: string]> = [
      [`Content-Length: -4\r\n\r\n${SWALLOWED}`, `its Content-Length is not a whole number${again}`],
      [`Content-Length: 12abc\r\n\r\n${SWALLOWED}`, `its Content-Length is not a whole number${again}`],
      [`Content-Length: 99999999999999999999\r\n\r\n${SWALLOWED}`, `its Content-Length is not a whole number${again}`],
      [`Content-Type: application/json\r\n\r\n${SWALLOWED}`, `its header has no Content-Length${again}`],
      [`this is not a header\r\n\r\n${SWALLOWED}`, `a header line is not "name: value"${again}`],
      [`Content-Length: ${Buffer.byteLength(notJson)}\r\n\r\n${notJson}`, `its body (${Buffer.byteLength(notJson)} bytes) is not JSON`],
      [`${'X-Padding: y\r\n'.repeat(700)}${SWALLOWED}`, `no end of its header within 8192 bytes${again}`],
    ];
    // Each bad frame is followed by a good one that opens a note; all of it in pieces of 7 bytes, written
    // in one go so that the client's own messages (answers to the server's requests) cannot come between.
    const uris = cases.map((_, i) => ws.uri(`note-${i}.txt`));
    const bytes = cases
      .map(
        ([bad], i) =>
          bad +
          frame({
            method: 'textDocument/didOpen',
            params: { textDocument: { uri: uris[i], languageId: 'plaintext', version: 1, text: NOTE } },
          }),
      )
      .join('');
    for (let at = 0; at < bytes.length; at += 7) stdin.write(bytes.slice(at, at + 7));
    for (const uri of uris) expect((await diagnosticsSoon(client, uri, 1)).map((d) => d.code)).toContain('suicide/committed-suicide');
    expect(client.logs.filter((l) => l.startsWith('ignored a message'))).toEqual(
      cases.map(([, problem]) => `ignored a message from the client: ${problem}`),
    );
    expect(client.logs.join('\n')).not.toMatch(/committed|9001/);
    expect(await client.shutdown()).toBe(0);
  });
});

describe('ResyncingMessageReader', () => {
  it('delivers every good message in order when fed one byte at a time', () => {
    const input = new PassThrough();
    const problems: string[] = [];
    const reader = new ResyncingMessageReader(input, (p) => problems.push(p));
    const got: unknown[] = [];
    reader.listen((m) => got.push((m as { id?: unknown }).id));
    const stream = [
      frame({ id: 1, method: 'a' }),
      `Content-Length: abc\r\n\r\n${SWALLOWED}`,
      frame({ id: 2, method: 'b', params: { text: 'Content-Length: 5\r\n\r\nnot a frame' } }),
      '\r\n', // a stray blank line between frames
      frame({ id: 3, method: 'shutdown' }),
      'Content-Length: 2\r\n\r\n[]',
      frame({ id: 4, method: 'c', params: { note: 'é ü — 😀' } }),
    ].join('');
    for (const byte of Buffer.from(stream)) input.write(Buffer.of(byte));
    expect(got).toEqual([1, 2, 3, 4]);
    expect(reader.shutdownRequested).toBe(true);
    expect(problems).toEqual([
      'ignored a message from the client: its Content-Length is not a whole number; reading again from the next Content-Length header',
      'ignored a message from the client: its body is not a JSON object',
    ]);
  });
});

describe('documents whose language id says nothing', { timeout: 60_000 }, () => {
  it('lints note.md sent with an empty language id as Markdown (Neovim with filetype detection off)', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('note.md');
    // Inline code is not linted in Markdown; read as plain text it would be.
    const text = '# Note\n\nHer brother committed suicide.\n\nThe old form said `addict`.\n';
    await client.open(uri, '', text);
    const diagnostics = await diagnosticsSoon(client, uri, 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['suicide/committed-suicide']);
    // An ignore directive is written in Markdown's comment syntax.
    const actions = await client.codeActions(uri, (diagnostics[0] as (typeof diagnostics)[0]).range, diagnostics);
    const ignore = actions.find((a) => a.kind === 'quickfix.reframe.ignoreLine') as CodeAction;
    expect(applyEdits(text, ignore.edit?.changes?.[uri] ?? [])).toContain(
      '<!-- reframe-disable-next-line suicide/committed-suicide -->\nHer brother committed suicide.',
    );
    expect(client.logs.filter((l) => l.startsWith('not linting'))).toEqual([]);
  });

  it('lints by extension for a language id it does not know (Emacs fundamental-mode), .txt and .htm', async () => {
    const { client, ws } = await start();
    const txt = ws.uri('note.TXT');
    const htm = ws.uri('letter.htm');
    await client.open(txt, 'fundamental', NOTE);
    await client.open(htm, '', '<p>She is wheelchair-bound.</p><!-- He is an addict. -->');
    expect((await diagnosticsSoon(client, txt, 1)).map((d) => d.code)).toContain('suicide/committed-suicide');
    expect((await diagnosticsSoon(client, htm, 1)).map((d) => d.code)).toEqual(['disability/wheelchair-bound']);
  });

  it('says once why a document is not linted when neither its language id nor its extension tells', async () => {
    const { client, ws } = await start();
    const rst = ws.uri('note.rst');
    await client.open(rst, '', NOTE);
    expect(await diagnosticsSoon(client, rst, 1)).toEqual([]);
    const tex = ws.uri('note.tex');
    await client.open(tex, 'latex', NOTE);
    expect(await diagnosticsSoon(client, tex, 1)).toEqual([]);
    const v2 = await client.change(rst, `${NOTE}More.\n`);
    await diagnosticsSoon(client, rst, v2);
    expect(client.logs.filter((l) => l.startsWith('not linting'))).toEqual([
      `not linting ${rst}: neither its language id ("") nor its file extension (.md, .markdown, .mdx, .txt, .text, .html, .htm) names a format reframe reads; give it the language markdown, plaintext or html, or add the id to the reframe.languages setting`,
      `not linting ${tex}: its language "latex" is not in the reframe.languages setting (markdown, plaintext, html)`,
    ]);
    expect(client.logs.join('\n')).not.toContain('committed');
  });
});
