#!/usr/bin/env node
/**
 * Write the adversarial office corpus (test/adversarial/office.ts: zip bombs, a slide listed many times,
 * unclosed tags) to a folder, to try on another reader or by hand: `node scripts/adversarial-corpus.mjs DIR`.
 * The files are generated, never committed; the tests build the same files at several sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node scripts/adversarial-corpus.mjs DIR\n');
  process.exit(2);
}
const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'reframe-corpus-'));
try {
  const outfile = join(work, 'office.mjs');
  await esbuild.build({
    entryPoints: [join(cliDir, 'test', 'adversarial', 'office.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  const { writeOfficeCorpus } = await import(pathToFileURL(outfile).href);
  for (const name of writeOfficeCorpus(resolve(target))) process.stdout.write(`${join(target, name)}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
