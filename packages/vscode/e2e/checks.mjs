// What the end-to-end run must observe. Expectations are written against the invented fixtures in
// fixtures/workspace; rule notes and source titles are read from the rules, not copied here.

/** Findings in fixtures/workspace/note.md: [rule id, flagged phrase, VS Code severity (0 error … 3 hint)]. */
export const NOTE_FINDINGS = [
  ['suicide/committed-suicide', 'committed suicide', 0],
  // Repairs take in the verb or article they replace ("been non-compliant" → "has not been taking…",
  // "an addict" → "a person with…"), so those ranges start there.
  ['credibility/non-compliant', 'has been non-compliant', 2, 'been non-compliant'],
  ['substance/addict', 'is an addict', 1, 'an addict'],
];
/** The genre the server settles for note.md (detected: chart-note wording), shown in the language status. */
export const NOTE_GENRE = 'chart-note';
/** Standard clinical wording in the note that must stay unflagged. */
export const NOTE_CLEAN_PHRASES = ['denies chest pain', 'clean and dry', 'Urine drug screen negative'];
export const QUICK_FIX = {
  code: 'suicide/committed-suicide',
  titleIncludes: 'died by suicide',
  from: 'committed suicide',
  to: 'died by suicide',
};
export const FIX_ALL = [
  ['committed suicide', 'died by suicide'],
  ['failed suicide attempt', 'suicide attempt'],
];
export const UNOPENED_FINDING = 'suicide/failed-attempt';
/** Sentences of the note that must never reach a log. */
export const PRIVATE_SNIPPETS = ['Ms Example attended', 'spoke about him', 'since March'];

/** LSP range of `phrase` (or of `inner` inside it) in `text`. */
export function rangeOf(text, phrase, inner = phrase) {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`fixture does not contain "${phrase}"`);
  const start = at + phrase.indexOf(inner);
  const pos = (offset) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: (before.at(-1) ?? '').length };
  };
  return { start: pos(start), end: pos(start + inner.length) };
}

const describeCount = (n) => (n === 1 ? '1 finding' : `${n} findings`);
const flat = (s) => String(s ?? '').replace(/\s+/g, ' ');
/**
 * @param o observations: { phase1, phase2, ui, logs }
 * @param rules Map rule id -> { note, sources: [{ title, url }] }
 * @returns array of { name, ok, detail }
 */
export function evaluate(o, rules) {
  const results = [];
  const check = (name, ok, detail = '') =>
    results.push({ name, ok: Boolean(ok), detail: typeof detail === 'string' ? detail : JSON.stringify(detail) });
  const { phase1, phase2, ui, logs } = o;
  const text = phase1.text;

  // Diagnostics: exactly the expected findings, at the expected ranges, with the contract's fields.
  const seen = phase1.diagnostics.map(
    (d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`,
  );
  check('note.md has exactly the expected number of Reframe diagnostics', phase1.diagnostics.length === NOTE_FINDINGS.length, seen);
  for (const [code, phrase, severity, inner] of NOTE_FINDINGS) {
    const want = rangeOf(text, phrase, inner);
    const d = phase1.diagnostics.find((x) => x.code === code);
    // The range starts where expected; a rule may take in the next word ("non-compliant with"), so the
    // end may reach further along the same line. `actual` is exactly the text in the range.
    const covered = d && text.split('\n')[d.range.start.line]?.slice(d.range.start.character, d.range.end.character);
    check(
      `diagnostic ${code} starts at "${inner ?? phrase}" and covers it`,
      d &&
        d.range.start.line === want.start.line &&
        d.range.start.character === want.start.character &&
        d.range.end.line === want.end.line &&
        d.range.end.character >= want.end.character,
      { want, got: d?.range },
    );
    check(`diagnostic ${code} severity ${severity}`, d?.severity === severity, { got: d?.severity });
    // The finding's data (suggestions, fix) stays on the server; the wire carries its start position.
    check(
      `diagnostic ${code} carries source "reframe", covers "${covered}" and data {line, character} only`,
      d?.source === 'reframe' &&
        covered &&
        JSON.stringify(d.data) === JSON.stringify({ line: d.range.start.line, character: d.range.start.character }),
      d?.data,
    );
  }
  for (const phrase of NOTE_CLEAN_PHRASES) {
    const r = rangeOf(text, phrase);
    check(
      `"${phrase}" is not flagged`,
      !phase1.diagnostics.some(
        (d) =>
          d.range.start.line === r.start.line && d.range.start.character < r.end.character && d.range.end.character > r.start.character,
      ),
    );
  }

  // Hover: the rule's note and its source.
  for (const [code] of NOTE_FINDINGS) {
    const hover = flat(phase1.hovers.find((h) => h.code === code)?.text);
    const rule = rules.get(code);
    const noteStart = flat(rule?.note).trim().slice(0, 40);
    check(`hover on ${code} shows the rule's note`, noteStart && hover.includes(noteStart), { noteStart, hover: hover.slice(0, 300) });
    check(
      `hover on ${code} names its source`,
      rule?.sources.some((s) => hover.includes(s.title) || hover.includes(s.url)),
      rule?.sources.map((s) => s.title),
    );
  }

  // Code actions offered for the fixable finding.
  const actions = phase1.codeActions.find((c) => c.code === QUICK_FIX.code)?.actions ?? [];
  check(
    'a quick fix "died by suicide" is offered for committed-suicide',
    actions.some((a) => a.kind?.startsWith('quickfix') && a.title.includes(QUICK_FIX.titleIncludes)),
    actions,
  );

  // Language status, through the API and on screen.
  check(
    'language status (API) shows the count, genre and preset, and how the genre was set',
    phase1.status.text === `Reframe: ${NOTE_FINDINGS.length} findings · ${NOTE_GENRE}` &&
      /clinical-notes/.test(phase1.status.detail ?? '') &&
      (phase1.status.detail ?? '').includes(`genre ${NOTE_GENRE}, detected from the text`),
    phase1.status,
  );
  check(
    'language status (UI hover) shows the count and genre',
    flat(ui.languageStatus).includes(`Reframe: ${NOTE_FINDINGS.length} findings · ${NOTE_GENRE}`),
    ui.languageStatus,
  );
  check('language status (UI hover) shows the preset', flat(ui.languageStatus).includes('clinical-notes'), ui.languageStatus);

  // What the user sees in the workbench.
  check(
    'editor shows error, warning and info squiggles',
    ui.squiggles.error > 0 && ui.squiggles.warning > 0 && ui.squiggles.info > 0,
    ui.squiggles,
  );
  for (const [code] of NOTE_FINDINGS)
    check(
      `Problems panel lists ${code}`,
      ui.problems.some((row) => row.includes(code)),
      ui.problems,
    );
  const editorHover = flat(ui.editorHover);
  const suicideRule = rules.get(QUICK_FIX.code);
  check(
    'editor hover (UI) shows note and source',
    editorHover.includes(flat(suicideRule?.note).trim().slice(0, 40)) && suicideRule?.sources.some((s) => editorHover.includes(s.title)),
    editorHover.slice(0, 400),
  );

  // Quick fix through the UI (Ctrl+. on the warning): the preferred repair replaces exactly the range.
  const uiFix = ui.quickFix ?? {};
  const uiFixed = phase1.diagnostics.find((d) => d.code === uiFix.code);
  const offsetOf = (p) => text.split('\n').slice(0, p.line).join('\n').length + (p.line > 0 ? 1 : 0) + p.character;
  const uiExpected = uiFixed && text.slice(0, offsetOf(uiFixed.range.start)) + uiFix.repair + text.slice(offsetOf(uiFixed.range.end));
  check(
    `Ctrl+. menu offers "${uiFix.repair}" for ${uiFix.code}`,
    uiFix.menu?.some((row) => row.includes(uiFix.repair)),
    uiFix.menu,
  );
  check('quick fix picked in the UI replaces exactly the flagged text', phase2.textAtGo === uiExpected, {
    want: uiExpected,
    got: phase2.textAtGo,
  });
  check(
    'after the UI quick fix that finding is gone',
    phase2.diagnosticsAtGo?.length === NOTE_FINDINGS.length - 1 && !phase2.diagnosticsAtGo.some((d) => d.code === uiFix.code),
    phase2.diagnosticsAtGo,
  );

  // Phase 2 (harness): quick fix, explain, fix all, lint workspace, toggle.
  check(
    'quick fix (code action applied by the harness) replaces "committed suicide" with "died by suicide"',
    typeof phase2.textAtGo === 'string' && phase2.quickFix?.text === phase2.textAtGo.replace(QUICK_FIX.from, QUICK_FIX.to),
    phase2.quickFix,
  );
  check(
    'after the quick fix the finding is gone and the others remain',
    Array.isArray(phase2.quickFix?.diagnosticsAfter) && phase2.quickFix.diagnosticsAfter.length === NOTE_FINDINGS.length - 2,
    phase2.quickFix?.diagnosticsAfter,
  );
  check(
    'explain opens the rule page (markdown preview) for the finding under the cursor',
    phase2.explain?.pageUri?.startsWith('reframe-rule:') &&
      phase2.explain.returned === phase2.explain.cursorCode &&
      phase2.explain.tabs?.some(
        (label) => /^\[?Preview\]? /.test(label) && label.endsWith(` ${String(phase2.explain.cursorCode).split('/').pop()}.md`),
      ) &&
      flat(phase2.explain.pageText).includes(flat(rules.get(phase2.explain.cursorCode)?.note).trim().slice(0, 40)),
    { ...phase2.explain, pageText: flat(phase2.explain?.pageText).slice(0, 80) },
  );
  let fixed = phase2.fixAll?.textBefore ?? '';
  for (const [from, to] of FIX_ALL) fixed = fixed.replace(from, to);
  check(
    'fix all applies every safe fix in fixall.md',
    phase2.fixAll?.textAfter === fixed && fixed !== phase2.fixAll?.textBefore,
    phase2.fixAll,
  );
  check('fix all leaves no findings in fixall.md', phase2.fixAll?.diagnosticsAfter?.length === 0, phase2.fixAll?.diagnosticsAfter);
  const lw = phase2.lintWorkspace?.result;
  check('lint workspace reports files and findings', lw && lw.files >= 3 && lw.findings >= 1, lw);
  check(
    'lint workspace puts findings of an unopened file in the Problems panel',
    phase2.lintWorkspace?.unopened?.some((d) => d.code === UNOPENED_FINDING),
    phase2.lintWorkspace?.unopened,
  );
  const project = phase2.projectConfig?.diagnostics ?? [];
  check(
    "a project's .reframerc.json preset applies (training-materials raises non-compliant to a warning)",
    project.length === 1 && project[0].code === 'credibility/non-compliant' && project[0].severity === 1,
    project,
  );
  const schemaDiagnostics = phase2.jsonValidation?.schemaDiagnostics ?? [];
  check(
    'the bundled JSON Schema flags a bad preset in reframe.config.json',
    schemaDiagnostics.some((d) => d.range.start.line === 1 && /clinical-notes|training-materials|not accepted|allowed/i.test(d.message)),
    phase2.jsonValidation,
  );
  check(
    'toggle off clears findings and stops the server',
    phase2.toggle?.offCount === 0 && phase2.toggle.offRunning === false && phase2.toggle.offStatus === 'Reframe: off',
    phase2.toggle,
  );
  check(
    'toggle on brings the findings and the count back',
    phase2.toggle?.onCount === NOTE_FINDINGS.length - 2 &&
      phase2.toggle.onStatus?.startsWith(`Reframe: ${describeCount(NOTE_FINDINGS.length - 2)} · `),
    phase2.toggle,
  );

  // Privacy: the Reframe log exists, has content, and holds none of the note's text.
  check(
    'Reframe output channel log was written',
    logs.reframeLogs.length > 0 && logs.reframeLogs.some((l) => l.size > 0),
    logs.reframeLogs.map((l) => l.path),
  );
  for (const snippet of PRIVATE_SNIPPETS)
    check(
      `no log contains note text "${snippet}"`,
      !logs.leaks.some((l) => l.snippet === snippet),
      logs.leaks.filter((l) => l.snippet === snippet),
    );
  return results;
}
