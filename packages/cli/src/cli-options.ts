/** Command-line options and help text. */
import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { FORMATS } from './formatters/index.js';

export const HELP = `Usage: reframe [options] <file|folder|glob>...
       reframe --stdin [--stdin-filename NAME] [options]
       reframe init | rules [--category NAME] | explain RULE_ID

Lints clinical and therapy writing for stigmatising wording and suggests repairs with cited
reasons. Reads Markdown (.md, .markdown, .mdx), plain text (.txt, .text), HTML (.html, .htm), Word
(.docx), PowerPoint (.pptx: slides and speaker notes) and OpenDocument text (.odt); office documents
are never changed by --fix. Folders are searched recursively; .gitignore and .reframeignore are respected.

Commands:
  init                      Write a commented starter .reframerc.yaml here (never overwrites)
  rules                     List the rules and their severity here (--category NAME to filter)
  explain RULE_ID           Show a rule's reason, suggestions and sources

Input:
      --stdin               Lint standard input
      --stdin-filename NAME Name for standard input: picks the format and the config file
      --changed-since REF   Report only findings on lines changed since the git ref REF
      --max-file-size SIZE  Skip larger files with a notice, unread: bytes or 500KB, 20MB, 1GB
                            (default: 20MB, or the config's maxFileSize)

Configuration:
  -c, --config FILE         Use this config file instead of discovering one per file
      --preset NAME         clinical-notes (default) or training-materials
      --rule ID=SEVERITY    Set a rule (or "category/*") to off, error, warning, info or hint; repeatable

Output:
  -f, --format NAME         ${FORMATS.join(', ')} (default: stylish)
  -o, --output-file FILE    Write the report to FILE instead of standard output
  -q, --quiet               Report errors only
      --redact              Leave the flagged text and its context out of every format
      --verbose             stylish: list every linted file, with its genre and how it was set
      --color, --no-color   Force or turn off colour (default: on at a terminal, off with NO_COLOR)

Fixing:
      --fix                 Apply safe fixes (the preferred repair) to the files
      --fix-dry-run         Print the fixes as a unified diff instead of writing them

Exit status:
      --fail-on SEVERITY    Lowest severity that fails the run: error, warning (default), info, hint
      --max-warnings N      Also fail when there are more than N warnings

Speed:
      --cache               Reuse findings for unchanged files (stores hashes, never text)
      --cache-location FILE Cache file (default: .reframecache)
      --jobs N              Worker threads (default: one per core for more than 200 files and 16 MB)

  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no failing findings, 1 failing findings (or too many warnings),
            2 usage, configuration or I/O error.
`;

export function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        preset: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        redact: { type: 'boolean' },
        verbose: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'changed-since': { type: 'string' },
        jobs: { type: 'string' },
        'max-file-size': { type: 'string' },
        category: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export type CommandLine = ReturnType<typeof parseCommandLine>;
