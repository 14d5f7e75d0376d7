// Drives the code-server workbench in Debian's Chromium through playwright-core: what a user sees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function openWorkbench(url, workspace) {
  const profile = mkdtempSync(join(tmpdir(), 'reframe-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 850 },
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
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
  });
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, consoleErrors, close };
}

/** Rendered text of the visible elements matching `selector`. */
const visibleText = (page, selector) =>
  page.$$eval(selector, (els) =>
    els
      .filter((e) => e.getClientRects().length > 0)
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is the rendered text, as the user reads it.
      .map((e) => (e instanceof HTMLElement ? e.innerText : '').replace(/\s+/g, ' ').trim()),
  );

/** Waits for the squiggles of each severity the note should show. */
export async function waitForSquiggles(page, kinds) {
  const counts = {};
  for (const kind of kinds) {
    await page.waitForSelector(`.monaco-editor .squiggly-${kind}`, { timeout: 60_000 });
    counts[kind] = await page.locator(`.monaco-editor .squiggly-${kind}`).count();
  }
  return counts;
}

/** Hovers the first squiggle of a kind in the editor and returns the hover's text. */
export async function hoverSquiggle(page, kind) {
  const box = await page.locator(`.monaco-editor .squiggly-${kind}`).first().boundingBox();
  if (!box) return '';
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.monaco-hover .hover-contents', { state: 'visible', timeout: 15_000 });
  await page.waitForTimeout(400); // the hover renders its markdown parts one after the other
  return (await visibleText(page, '.monaco-hover')).join('\n');
}

export async function problemsPanelRows(page) {
  await page.mouse.move(5, 5); // close any hover first
  await page.keyboard.press('Control+Shift+M');
  await page.waitForSelector('.markers-panel .monaco-list-row', { timeout: 30_000 });
  await page.waitForTimeout(500);
  return visibleText(page, '.markers-panel .monaco-list-row');
}

/** Opens the language status hover ({} in the status bar) and returns its text. */
export async function languageStatusText(page) {
  const item = page.locator('[id="status.languageStatus"]');
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  await item.hover();
  await page.waitForSelector('.language-status-hover, .workbench-hover, .monaco-hover', { state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(300);
  const texts = await visibleText(page, '.language-status-hover, .workbench-hover');
  await page.mouse.move(5, 5);
  return texts.join('\n');
}

/**
 * Applies a quick fix the way a user does: click into the squiggle, Ctrl+. , pick the action.
 * Returns the menu's rows once the squiggle is gone.
 */
export async function quickFixViaUi(page, kind, titleIncludes) {
  await page.mouse.move(5, 5);
  const box = await page.locator(`.monaco-editor .squiggly-${kind}`).first().boundingBox();
  if (!box) throw new Error(`no ${kind} squiggle to fix`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.press('Control+Period');
  await page.waitForSelector('.action-widget .monaco-list-row', { state: 'visible', timeout: 15_000 });
  const menu = await visibleText(page, '.action-widget .monaco-list-row');
  await page.locator('.action-widget .monaco-list-row', { hasText: titleIncludes }).first().click();
  // The fix is checked on the document by the harness; here, wait for the squiggle to go.
  await page.waitForSelector(`.monaco-editor .squiggly-${kind}`, { state: 'detached', timeout: 15_000 });
  return { menu };
}
