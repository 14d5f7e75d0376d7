/**
 * A tagged template that escapes every interpolated value for HTML text and quoted attributes.
 * Document text is untrusted: it only ever reaches the page through here.
 */
import { printableLines } from '../printable.js';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Control characters are written out (`\x1b`): they mean nothing in a page, and act when it is printed to a terminal. */
export function escapeHtml(text: string): string {
  return printableLines(text).replace(/[&<>"'`]/g, (ch) => ENTITIES[ch] ?? ch);
}

type Value = SafeHtml | string | number | boolean | null | undefined | Value[];

function render(value: Value): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup the report itself wrote (styles, scripts): trusted, never document text. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Only web links become hrefs; anything else (javascript:, data:…) is shown as text. */
export function safeUrl(url: string): string | undefined {
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}
