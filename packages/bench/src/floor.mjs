/**
 * A lower bound for one whole-process lint on this machine: Node's start, reading and decoding the
 * file, one hashing pass over every word with one set lookup per word (the loop of the prefilter's
 * scan, packages/core/src/fast/prefilter.ts), and writing an output of the given size. No rules load, nothing
 * is matched, nothing is formatted. `pnpm bench` runs it with reframe's own JSON output of the same
 * file, so what reframe takes beyond this is the cost of loading the rules and linting.
 *
 *   node src/floor.mjs <text file> <file whose content is written to stdout>
 */
import { readFileSync } from 'node:fs';

const [textPath, outputPath] = process.argv.slice(2);
if (!textPath || !outputPath) {
  process.stderr.write('usage: node floor.mjs <text file> <output file>\n');
  process.exit(2);
}

const text = readFileSync(textPath, 'utf8');

const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
// As many keys as the prefilter has anchors (a few hundred); their values do not matter.
const keys = new Set();
for (let k = 1; k <= 400; k++) keys.add(Math.imul(k, 0x9e3779b1) & 0x3fffffff);
const hits = [];

function scanRange(from, to) {
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c >= 128 || WORD[c] === 0) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    do {
      h = Math.imul(h ^ (c | 32), 0x01000193);
      c = ++i < to ? text.charCodeAt(i) : 0;
    } while (i < to && c < 128 && WORD[c] === 1);
    h &= 0x3fffffff;
    if (keys.has(h)) hits.push(start, i, h);
  }
}

// 64 KB pieces, as the prefilter does, so the loop runs optimised after the first few.
const PIECE = 64 * 1024;
for (let from = 0; from < text.length; from += PIECE) scanRange(from, Math.min(text.length, from + PIECE));

process.stdout.write(readFileSync(outputPath, 'utf8'));
process.stderr.write(`floor: ${text.length} characters, ${hits.length / 3} hits\n`);
