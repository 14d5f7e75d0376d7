/** `--format junit`: JUnit XML, one test suite per file and one failing test case per finding. */
import { describePlace, type LintRun } from '../types.js';

/** Escape for XML text and attributes, dropping characters XML 1.0 cannot carry. */
export function xml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function formatJunit(run: LintRun): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const linted = run.files.filter((f) => !f.skipped);
  const tests = linted.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
  const failures = linted.reduce((n, f) => n + f.diagnostics.length, 0);
  lines.push(`<testsuites name="reframe" tests="${tests}" failures="${failures}" errors="0">`);
  for (const file of run.files) {
    const path = xml(file.path);
    if (file.skipped) {
      lines.push(`  <testsuite name="${path}" tests="1" failures="0" errors="0" skipped="1">`);
      lines.push(`    <testcase name="${path}" classname="reframe"><skipped message="${xml(file.skipped)}"/></testcase>`);
      lines.push('  </testsuite>');
      continue;
    }
    const n = file.diagnostics.length;
    lines.push(`  <testsuite name="${path}" tests="${Math.max(1, n)}" failures="${n}" errors="0">`);
    if (file.genre?.genre) {
      lines.push('    <properties>');
      lines.push(`      <property name="genre" value="${xml(file.genre.genre)}"/>`);
      lines.push(`      <property name="genreSource" value="${xml(file.genre.source)}"/>`);
      lines.push('    </properties>');
    }
    if (n === 0) lines.push(`    <testcase name="no findings" classname="${path}"/>`);
    for (const d of file.diagnostics) {
      const lineCol = `${d.range.start.line}:${d.range.start.column}`;
      const place = describePlace(d);
      const where = place === undefined ? lineCol : d.slide !== undefined ? place : `${place}, ${lineCol}`;
      const body = [
        `${file.path}:${where}: ${d.severity}: ${d.message}`,
        d.suggestions.length ? `Suggestions: ${d.suggestions.join('; ')}` : '',
        `Why: ${d.note}`,
        ...d.sources.map((s) => `Source: ${s.title}${s.url ? ` ${s.url}` : ''}`),
      ].filter(Boolean);
      lines.push(`    <testcase name="${xml(`${d.ruleId} at ${where}`)}" classname="${path}">`);
      lines.push(`      <failure message="${xml(d.message)}" type="${d.severity}">${xml(body.join('\n'))}</failure>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
