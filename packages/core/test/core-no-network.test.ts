/**
 * Privacy: the CLI works with every outbound network attempt made to fail loudly (a preload module
 * replaces net, tls, dns, http, https and fetch). The preload itself is checked to block.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PRELOAD = fileURLToPath(new URL('./fixtures/no-network.cjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MARKER = 'REFRAME-NETWORK-ATTEMPT';

function node(args: string[]) {
  return spawnSync(process.execPath, ['--require', PRELOAD, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('no network access', () => {
  it('the preload blocks fetch, http and dns loudly', () => {
    const run = node(['-e', "require('node:https').get('https://example.invalid')"]);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${MARKER}: node:https.get`);
    const dns = node(['-e', "require('node:dns').lookup('example.invalid', () => {})"]);
    expect(dns.stderr).toContain(`${MARKER}: dns.lookup`);
  });

  it('the CLI lints the examples with the network blocked', () => {
    const run = node(['packages/cli/bin/reframe.js', '--format', 'json', 'examples/']);
    expect(run.stderr).not.toContain(MARKER);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { files: Array<{ diagnostics: unknown[] }> };
    expect(report.files.flatMap((f) => f.diagnostics).length).toBeGreaterThan(5);
  });
});
