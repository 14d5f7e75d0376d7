/**
 * Text from outside (file names, document text, rule data) made safe to print to a terminal or a CI
 * log: control characters (C0, DEL and C1: ESC starts the sequences that move the cursor, retitle the
 * window or hide text) and the invisible bidirectional overrides are written out as escapes (`\x1b`,
 * `\u{202e}`), so they show instead of acting. A leaf module: it imports nothing.
 */

const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeControl(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** One line of text with every control character escaped (tabs and line breaks too). */
export function printable(text: string): string {
  return text.replace(CONTROLS, escapeControl);
}

/** Text that may run over lines: tabs and line breaks kept, every other control character escaped. */
export function printableLines(text: string): string {
  return text.replace(CONTROLS_BUT_LINE_BREAKS, escapeControl);
}
