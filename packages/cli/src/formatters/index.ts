import type { LintRun } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatOptions {
  color: boolean;
  toolVersion: string;
  cwd: string;
  redact: boolean;
  /** stylish: every linted file, with its genre. */
  verbose: boolean;
}

export function format(name: FormatName, run: LintRun, options: FormatOptions): string {
  switch (name) {
    case 'json':
      return formatJson(run);
    case 'stylish':
      return formatStylish(run, options);
    case 'sarif':
      return formatSarif(run, options);
    case 'github':
      return formatGithub(run);
    case 'junit':
      return formatJunit(run);
  }
}
