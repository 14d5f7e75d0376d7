// The built bundle on its own: dist/server.js copied to a folder with no node_modules anywhere above
// it must start, load the shipped rules from initializationOptions.rulesDir, and answer over stdio.
// This is what the .vsix relies on (ESM-only dependencies bundled to CJS, import.meta.url shimmed).
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** Just enough of an LSP client: Content-Length framing, requests, and answers to server requests. */
class StdioLspClient {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly notifications: Message[] = [];
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined && message.method) {
      // A request from the server: default settings, accept registrations and progress.
      const items = (message.params as { items?: unknown[] } | undefined)?.items;
      this.send({ id: message.id, result: message.method === 'workspace/configuration' ? (items ?? []).map(() => ({})) : null });
    } else if (message.id !== undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else {
      this.notifications.push(message);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }

  private send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  async notification(match: (m: Message) => boolean, timeoutMs = 15_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.notifications.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching notification; saw ${this.notifications.map((n) => n.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }
}

describe('bundled language server (dist/server.js)', () => {
  let folder: string;
  let child: ChildProcessWithoutNullStreams;
  let client: StdioLspClient;
  let stderr = '';

  beforeAll(() => {
    const build = spawnSync(process.execPath, [join(pkgDir, 'scripts', 'build.mjs')], { cwd: pkgDir, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    folder = mkdtempSync(join(tmpdir(), 'reframe-bundle-'));
    for (const part of ['dist', 'schema', 'package.json']) cpSync(join(pkgDir, part), join(folder, part), { recursive: true });
    const env = { ...process.env };
    delete env.REFRAME_RULES_DIR;
    child = spawn(process.execPath, [join(folder, 'dist', 'server.js'), '--stdio'], { cwd: folder, env });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    client = new StdioLspClient(child);
  });

  afterAll(() => {
    child?.kill();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('runs without node_modules', () => {
    let dir = folder;
    while (dirname(dir) !== dir) {
      expect(existsSync(join(dir, 'node_modules')), dir).toBe(false);
      dir = dirname(dir);
    }
    expect(readFileSync(join(folder, 'dist', 'server.js'), 'utf8')).not.toMatch(
      /require\("(@reframe|unified|retext|vscode-languageserver)/,
    );
  });

  it('initialises with the shipped rules and publishes findings with the contract fields', async () => {
    const init = await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { rulesDir: join(folder, 'dist', 'rules') },
    });
    expect(init.error, stderr).toBeUndefined();
    client.notify('initialized', {});
    const uri = pathToFileURL(join(folder, 'note.md')).toString();
    const text = 'Her uncle committed suicide in 2015. She denies chest pain.\n';
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const published = await client.notification(
      (m) =>
        m.method === 'textDocument/publishDiagnostics' &&
        (m.params as { uri: string; diagnostics: unknown[] }).uri === uri &&
        (m.params as { diagnostics: unknown[] }).diagnostics.length > 0,
    );
    const diagnostics = (published.params as { diagnostics: Array<Record<string, unknown>> }).diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'suicide/committed-suicide',
      source: 'reframe',
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 27 } },
      data: { line: 0, character: 10 },
    });
  });

  it('explains a rule as markdown', async () => {
    const reply = await client.request('workspace/executeCommand', {
      command: 'reframe.explain',
      arguments: ['suicide/committed-suicide'],
    });
    expect(reply.error, stderr).toBeUndefined();
    expect(typeof reply.result).toBe('string');
    expect(reply.result as string).toContain('suicide/committed-suicide');
  });

  it('shuts down when asked', async () => {
    const reply = await client.request('shutdown', null);
    expect(reply.error).toBeUndefined();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    client.notify('exit', null);
    expect(await exited).toBe(0);
  });
});
