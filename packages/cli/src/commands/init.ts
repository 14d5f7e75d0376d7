/** `reframe init`: write a commented starter `.reframerc.yaml` in the working directory. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Preset } from '@reframe/core';
import { UsageError } from '../errors.js';

export const INIT_FILE = '.reframerc.yaml';

export function starterConfig(preset: Preset): string {
  return `# Reframe configuration: https://www.npmjs.com/package/@reframe/cli
# yaml-language-server: $schema=./node_modules/@reframe/core/schema/config.schema.json
#
# Config files are found upward from each linted file; the nearest one wins.
# Run "reframe rules" to list rule ids and "reframe explain RULE_ID" for the reasons behind a rule.

# clinical-notes: case notes, referral letters, discharge summaries (default).
# training-materials: raises context-dependent hints to warnings, for teaching material.
preset: ${preset}

# Spelling of suggestions: en-AU, en-GB or en-US.
locale: en-AU

# Severity per rule id or per category ("credibility/*"): off, error, warning, info or hint.
rules: {}
#   credibility/claims: warning
#   substance/*: error

# Phrases never flagged in this project (names of services, quoted instruments...).
allow: []
#   - Recovery Junkies Running Club

# People's own words are left alone: quotations, terms mentioned rather than used, self-description.
respect:
  quotes: true
  mentions: true
  selfDescription: true

# Identity-first or person-first language, per community: identity-first, person-first or either.
identity:
  autism: either
  deaf: either
  disability: either

# Files not to lint (globs relative to this file). .gitignore and .reframeignore are also respected.
ignore: []
#   - archive/**

# Larger files are skipped with a notice, unread: bytes, or a size such as 500KB, 20MB, 1GB.
# maxFileSize: 20MB

# Build on a shared config (relative paths):
# extends: ../team/.reframerc.yaml
`;
}

export interface InitIo {
  cwd: string;
  stdout: (text: string) => void;
  /** Ask a question when a person is at the terminal; undefined when not a TTY (then nothing is asked). */
  ask?: ((question: string) => Promise<string>) | undefined;
}

export async function runInit(io: InitIo, presetOption: Preset | undefined): Promise<number> {
  const target = join(io.cwd, INIT_FILE);
  if (existsSync(target)) throw new UsageError(`${target}: already exists; not overwritten`);
  let preset: Preset = presetOption ?? 'clinical-notes';
  if (!presetOption && io.ask) {
    const answer = (await io.ask('Preset: clinical-notes (case notes, letters) or training-materials? [clinical-notes] ')).trim();
    if (answer === 'training-materials' || answer === 't') preset = 'training-materials';
  }
  // "wx": never replace a file created between the check and the write.
  writeFileSync(target, starterConfig(preset), { flag: 'wx' });
  io.stdout(`Wrote ${INIT_FILE} (preset: ${preset}).\n`);
  return 0;
}
