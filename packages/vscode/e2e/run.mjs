// End-to-end test of the packaged extension in a real VS Code (code-server 4.139 = VS Code 1.139),
// driven by headless Chromium. `pnpm --filter reframe-vscode test:e2e`; exits non-zero on any failure.
// Artifacts (screenshots, observations, code-server log) go to packages/vscode/e2e-artifacts/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hoverSquiggle, languageStatusText, openWorkbench, problemsPanelRows, quickFixViaUi, waitForSquiggles } from './browser.mjs';
import { evaluate, PRIVATE_SNIPPETS, QUICK_FIX } from './checks.mjs';
import { assertInstalled, freePort, installExtensions, profileDirs, startCodeServer, stopCodeServer } from './codeServer.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(here, '..');
const artifacts = join(pkgDir, 'e2e-artifacts');
const t0 = Date.now();
const timings = {};
const lap = (what) => {
  timings[what] = Number(((Date.now() - t0) / 1000).toFixed(1));
  console.log(`[e2e ${timings[what].toFixed(1)}s] ${what}`);
};

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: pkgDir, stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

async function waitForFile(file, errorFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (existsSync(errorFile)) throw new Error(`harness failed: ${readFileSync(errorFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 100)); // the harness writes the file in one call; give it a moment to close
  return JSON.parse(readFileSync(file, 'utf8'));
}

function walk(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Every log code-server wrote, scanned for the note's sentences; the Reframe channel's files listed. */
function scanLogs(userData, extraFiles) {
  const files = [...walk(join(userData, 'logs')), ...extraFiles].filter((f) => f.endsWith('.log'));
  const reframeLogs = files.filter((f) => /Reframe/.test(f.split('/').pop() ?? '')).map((path) => ({ path, size: statSync(path).size }));
  const leaks = [];
  for (const file of files) {
    const content = readFileSync(file, 'utf8');
    for (const snippet of PRIVATE_SNIPPETS) if (content.includes(snippet)) leaks.push({ file, snippet });
  }
  return { files: files.length, reframeLogs, leaks };
}

/** Rule notes and sources, read from the bundled rules with the engine's own loader. */
async function loadRules() {
  const { loadRuleSetData } = await import('@reframe/core/node');
  const data = loadRuleSetData({ rulesDir: join(pkgDir, 'dist', 'rules') });
  const rules = new Map();
  for (const rule of data.packs.flatMap((p) => p.rules))
    rules.set(rule.id, {
      note: rule.note,
      sources: rule.sources.map((key) => ({ title: data.sources[key]?.title ?? key, url: data.sources[key]?.url ?? '' })),
    });
  return rules;
}

async function main() {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });

  if (!process.argv.includes('--skip-prereqs')) run('bash', [join(pkgDir, 'scripts', 'e2e-prereqs.sh')]);
  assertInstalled();
  lap('prerequisites ready');

  run(process.execPath, [join(pkgDir, 'scripts', 'package.mjs')]);
  const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const vsix = join(pkgDir, `reframe-${version}.vsix`);
  lap('extension built and packaged');

  // A throwaway profile, workspace and harness for this run.
  const root = mkdtempSync(join(tmpdir(), 'reframe-e2e-'));
  const workspace = join(root, 'workspace');
  const resultDir = join(root, 'results');
  cpSync(join(here, 'fixtures', 'workspace'), workspace, { recursive: true });
  mkdirSync(resultDir);
  const harnessDir = join(root, 'harness');
  cpSync(join(here, 'harness'), harnessDir, { recursive: true });
  writeFileSync(join(harnessDir, 'config.json'), JSON.stringify({ resultDir, workspace, quickFix: QUICK_FIX }));
  writeFileSync(join(harnessDir, 'LICENSE'), readFileSync(join(pkgDir, 'LICENSE')));
  const harnessVsix = join(root, 'reframe-e2e-harness.vsix');
  run(join(pkgDir, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', harnessVsix], {
    cwd: harnessDir,
    stdio: 'ignore',
  });
  const dirs = profileDirs(join(root, 'profile'));
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(
    join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.autoCheckUpdates': false,
      'editor.hover.delay': 200,
      // A clean window for the screenshot: no chat side bar, no AI features (offline anyway).
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }),
  );
  console.log(installExtensions(dirs, [vsix, harnessVsix]));
  lap('extensions installed into code-server');

  const codeServerLog = join(artifacts, 'code-server.log');
  let server;
  let browser;
  const observations = {};
  try {
    server = await startCodeServer(dirs, { port: await freePort(), workspace, logFile: codeServerLog });
    lap('code-server healthy');
    browser = await openWorkbench(server.url, workspace);
    lap('workbench rendered');
    const { page } = browser;

    observations.phase1 = await waitForFile(join(resultDir, 'phase1.json'), join(resultDir, 'error.json'), 120_000);
    lap(`harness phase 1: ${observations.phase1.diagnostics.length} diagnostics in note.md (VS Code ${observations.phase1.vscode})`);
    const ui = {};
    ui.squiggles = await waitForSquiggles(page, ['error', 'warning', 'info']);
    lap('squiggles visible');
    ui.problems = await problemsPanelRows(page);
    ui.languageStatus = await languageStatusText(page).catch((e) => `(not found: ${e.message.split('\n')[0]})`);
    ui.editorHover = await hoverSquiggle(page, 'error').catch((e) => `(no hover: ${e.message.split('\n')[0]})`);
    await page.screenshot({ path: join(artifacts, 'editor.png') });
    // A quick fix through the UI: the preferred repair offered for the first warning.
    const warning = observations.phase1.diagnostics.find((d) => d.severity === 1);
    // Its preferred repair as the server offered it in phase 1 (suggestions are not sent with diagnostics).
    const offered = observations.phase1.codeActions[observations.phase1.diagnostics.indexOf(warning)]?.actions ?? [];
    const preferred = offered.find((a) => a.isPreferred && a.kind === 'quickfix.reframe.replace');
    const repair = /“(.*)”/.exec(preferred?.title ?? '')?.[1] ?? '(none)';
    ui.quickFix = { code: warning?.code, repair, ...(await quickFixViaUi(page, 'warning', repair)) };
    observations.ui = ui;
    lap('UI observed, screenshot e2e-artifacts/editor.png, quick fix applied with Ctrl+.');

    writeFileSync(join(resultDir, 'go.json'), '{}');
    observations.phase2 = await waitForFile(join(resultDir, 'phase2.json'), join(resultDir, 'error.json'), 120_000);
    lap('harness phase 2: quick fix, explain, fix all, lint workspace, toggle');
    await page.waitForTimeout(1000);
    await page.mouse.move(5, 5); // no stale hover in the picture
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(artifacts, 'after-fixes.png') });
    observations.consoleErrors = browser.consoleErrors;
  } catch (error) {
    await browser?.page.screenshot({ path: join(artifacts, 'failure.png') }).catch(() => undefined);
    throw error;
  } finally {
    await browser?.close().catch(() => undefined);
    await stopCodeServer(server?.child);
    lap('code-server process group stopped');
  }

  observations.logs = scanLogs(dirs.userData, [codeServerLog]);
  // Keep the Reframe output channel as an artifact: what a user would see in Output › Reframe.
  const reframeLog = observations.logs.reframeLogs[0];
  if (reframeLog) cpSync(reframeLog.path, join(artifacts, 'reframe-output.log'));
  const results = evaluate(observations, await loadRules());
  writeFileSync(join(artifacts, 'observations.json'), JSON.stringify({ timings, observations, results }, null, 1));
  rmSync(root, { recursive: true, force: true });

  const failed = results.filter((r) => !r.ok);
  for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : `\n       ${r.detail.slice(0, 600)}`}`);
  console.log(
    `\n${results.length - failed.length}/${results.length} checks passed in ${((Date.now() - t0) / 1000).toFixed(1)}s; artifacts in ${artifacts}`,
  );
  return failed.length === 0;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error) => {
    console.error(`e2e: ${error.stack ?? error}`);
    process.exit(1);
  },
);
