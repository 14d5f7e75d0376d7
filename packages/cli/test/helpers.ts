/** Run the real `reframe` executable as a child process on files in a temporary folder. */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'reframe.js');

/** A finished `reframe` process: its exit code and what it printed. */
export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Run as this user and group (needs root): permission tests are meaningless as root. */
  user?: { uid: number; gid: number };
  /** Options for node itself, before the script (e.g. `--require` a module). */
  nodeArgs?: string[];
  /** Kill the process (SIGKILL) after this many milliseconds; `code` is then null. */
  timeoutMs?: number;
}

export function reframe(args: string[], options: RunOptions): Promise<ProcessResult> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      REFRAME_DEBUG: undefined,
      ...options.env,
    };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.user ? { uid: options.user.uid, gid: options.user.gid } : {}),
      ...(options.timeoutMs ? { timeout: options.timeoutMs, killSignal: 'SIGKILL' as const } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A temporary folder with the given files (path → content); removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Buffer> = {}): {
  dir: string;
  write: (files: Record<string, string | Buffer>) => void;
  cleanup: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'reframe-cli-'));
  const write = (more: Record<string, string | Buffer>) => {
    for (const [path, content] of Object.entries(more)) {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  };
  write(files);
  return { dir, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export type TempTree = ReturnType<typeof tempTree>;

/**
 * A `tree(files)` for one test file: every temporary tree it makes is removed after the test that made
 * it. Call once at the top level of the test file.
 */
export function tempTrees(): (files?: Record<string, string | Buffer>) => TempTree {
  let cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups) c();
    cleanups = [];
  });
  return (files = {}) => {
    const t = tempTree(files);
    cleanups.push(t.cleanup);
    return t;
  };
}

export interface JsonDiagnostic {
  ruleId: string;
  severity: string;
  actual: string;
  term?: string;
  message: string;
  paragraph?: number;
  slide?: number;
  notes?: boolean;
  slideLine?: number;
  range: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
  suggestions: string[];
  fix?: { range: [number, number]; text: string };
}

export interface JsonLintRun {
  version: number;
  files: Array<{
    path: string;
    genre?: { genre: 'chart-note' | 'letter' | 'teaching' | 'form' | null; source: 'directive' | 'config' | 'detected' };
    skipped?: string;
    diagnostics: JsonDiagnostic[];
  }>;
  summary: Record<string, number>;
}

/** `reframe --format json` output; `reframe report --format json` has the same shape (plus `resolved`). */
export function parseLintRun(stdout: string): JsonLintRun {
  return JSON.parse(stdout) as JsonLintRun;
}

/** Rule ids per file path, for compact assertions. */
export function findings(run: JsonLintRun): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of run.files) out[f.path] = f.diagnostics.map((d) => d.ruleId);
  return out;
}
