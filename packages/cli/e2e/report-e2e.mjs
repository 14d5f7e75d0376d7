#!/usr/bin/env node
/**
 * Render `reframe report` for the sample curriculum in headless Chromium (Debian's, via playwright-core)
 * and check what a reader sees: the charts draw, the filters shrink the list, nothing is fetched and
 * the page's own script runs under its Content-Security-Policy. Saves e2e-artifacts/report.png.
 * Needs the workspace built (tsc -b). Exits non-zero on any failure.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(CLI, '..', '..');
const ARTIFACTS = join(CLI, 'e2e-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function check(condition, message) {
  if (!condition) throw new Error(`check failed: ${message}`);
  log(`ok: ${message}`);
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing; install it with: apt-get install -y chromium (as root)`);
  log('installing chromium with apt-get (about 2 minutes)');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

async function main() {
  ensureChromium();
  // Build first (incremental, quick when nothing changed) so the test never runs a stale dist/.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-b', join(CLI, 'tsconfig.json')], { cwd: ROOT, stdio: 'inherit' });
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, '.gitignore'), '*\n');
  const reportPath = join(ARTIFACTS, 'report.html');
  const run = spawnSync(
    process.execPath,
    [
      join(CLI, 'bin', 'reframe.js'),
      'report',
      'examples/curriculum',
      '--output',
      reportPath,
      '--title',
      'Foundations of Counselling Practice: language audit',
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767600000' } },
  );
  check(run.status === 1, `reframe report ran (exit ${run.status}; 1 = findings at or above warning): ${run.stderr.trim()}`);

  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'reframe-report-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    const requests = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(reportPath).href);
    await page.waitForSelector('#finding-list');
    log('report loaded');

    // Charts: every category bar is drawn with a visible width and its number next to it.
    const bars = await page.$$eval('figure[data-chart="category"] .bar', (gs) =>
      gs.map((g) => ({
        value: g.getAttribute('data-value'),
        width: [...g.querySelectorAll('rect')].reduce((w, r) => w + r.getBoundingClientRect().width, 0),
        number: g.querySelector('.bar-value')?.textContent,
      })),
    );
    check(bars.length >= 4, `category chart has ${bars.length} bars (${bars.map((b) => `${b.value} ${b.number}`).join(', ')})`);
    check(
      bars.every((b) => b.width > 0 && Number(b.number) > 0),
      'every bar has a drawn width and a number',
    );
    const patterned = await page.$$eval('figure[data-chart="category"] rect', (rs) =>
      rs.every((r) => /^url\(#sev-/.test(r.getAttribute('fill') ?? '')),
    );
    check(patterned, 'bars are filled with severity patterns (not colour alone)');
    const fileBars = await page.$$eval('figure[data-chart="file"] .bar', (gs) => gs.length);
    check(fileBars >= 5, `file chart has ${fileBars} bars`);

    const visible = () => page.$$eval('#finding-list > li', (lis) => lis.filter((li) => !li.hidden && li.offsetParent !== null).length);
    const total = await visible();
    check(total >= 20, `all ${total} findings are listed`);
    check((await page.textContent('#shown-count')) === String(total), 'the count shows every finding');

    // Filter by category with the select: the list shrinks to that category only.
    await page.selectOption('#filter-category', 'suicide');
    const suicide = await visible();
    const categories = await page.$$eval('#finding-list > li:not([hidden])', (lis) => [...new Set(lis.map((li) => li.dataset.category))]);
    check(suicide > 0 && suicide < total, `category filter "suicide" shrinks the list to ${suicide}`);
    check(categories.length === 1 && categories[0] === 'suicide', 'only suicide findings remain');
    check((await page.textContent('#shown-count')) === String(suicide), 'the count follows the filter');

    // Severity on top: error only.
    await page.selectOption('#filter-severity', 'error');
    const errors = await visible();
    check(errors >= 1 && errors < suicide, `adding severity "error" leaves ${errors}`);

    // Reset, then click a bar in the file chart: the file filter is set and the list shrinks.
    await page.click('#filter-reset');
    check((await visible()) === total, 'Show all brings every finding back');
    const deck = 'examples/curriculum/week-3-suicide-prevention.pptx';
    await page.click(`figure[data-chart="file"] .bar[data-value="${deck}"] .bar-label`);
    const inDeck = await visible();
    check((await page.inputValue('#filter-file')) === deck, 'clicking a file bar sets the file filter');
    check(inDeck > 0 && inDeck < total, `the slide deck alone has ${inDeck} findings`);
    const where = await page.$$eval('#finding-list > li:not([hidden]) .where', (ds) => ds.map((d) => d.textContent));
    check(
      where.some((w) => /slide \d+ notes, line \d+/.test(w ?? '')),
      `findings are located by slide and notes (${where[0]})`,
    );

    // Keyboard: a focused bar responds to Enter.
    await page.click('#filter-reset');
    await page.focus('figure[data-chart="category"] .bar[data-value="disability"]');
    await page.keyboard.press('Enter');
    check((await page.inputValue('#filter-category')) === 'disability', 'a bar can be chosen with the keyboard');
    await page.click('#filter-reset');

    const external = requests.filter((u) => !u.startsWith('file://'));
    check(external.length === 0, `no requests left the page (${requests.length} file request(s))`);
    check(problems.length === 0, `no console errors or CSP violations${problems.length ? `: ${problems.join(' | ')}` : ''}`);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: false });
    await page.screenshot({ path: join(ARTIFACTS, 'report-full.png'), fullPage: true });
    log(`screenshots in ${ARTIFACTS}`);
    if (process.argv.includes('--update-image')) {
      mkdirSync(join(CLI, 'images'), { recursive: true });
      copyFileSync(join(ARTIFACTS, 'report.png'), join(CLI, 'images', 'report.png'));
      log('copied to images/report.png');
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().then(
  () => log('report e2e passed'),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
