/** The one-line message of a diagnostic, from its flagged text and its preferred suggestion. */
import { instructionText, isInstruction } from './conventions.js';

export function messageFor(actual: string, suggestions: readonly string[], custom: string | undefined): string {
  const shown = actual.replace(/\s+/g, ' ');
  if (custom) return custom.replace('{actual}', shown);
  const first = suggestions[0];
  if (!first) return `Reconsider “${shown}”`;
  if (isInstruction(first)) return `“${shown}”: ${instructionText(first)}`;
  return `Consider “${first}” instead of “${shown}”`;
}
