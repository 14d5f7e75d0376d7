/**
 * Each file's genre in the CLI's output, run as a process: in `--format json` ({genre, source}, genre
 * null when there is too little text), through the cache and worker threads, from standard input and
 * after --fix, in `reframe report --format json`, and in the stylish header under --verbose (the
 * default stylish output is unchanged). Every text is invented.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JsonLintRun, parseLintRun, reframe, tempTrees } from './helpers.js';

// Addressed to the reader throughout: a letter.
const LETTER = [
  'Thank you for your message; what you describe sounds tiring, and you are not the only one who feels it.',
  'You could begin by writing down when the worry starts, and what you notice in your chest just before.',
  'Have you told your brother how worn out you feel? Your worth does not rest on how he answers.',
  'You deserve rest, and you can ask for it.',
  '',
].join('\n');
// Chart headings and a record of the patient: a chart note, with a finding in it.
const CHART = [
  'HISTORY OF PRESENT ILLNESS: The patient is a 52-year-old woman who presents with a week of shoulder pain after lifting.',
  'She is wheelchair-bound since 2020. PAST MEDICAL HISTORY: Migraine. MEDICATIONS: Paracetamol as needed.',
  'EXAM: Tenderness over the supraspinatus. Full passive range. PLAN: Physiotherapy; follow-up in two weeks.',
  '',
].join('\n');
const SHORT = 'Denies chest pain.\n';

const tree = tempTrees();

const genres = (run: JsonLintRun) => Object.fromEntries(run.files.map((f) => [f.path, f.genre]));

describe('genre in --format json', () => {
  it('gives each linted file its genre and how it was set; a skipped file none', async () => {
    const { dir } = tree({
      'notes/chart.txt': CHART,
      'notes/reply.md': LETTER,
      'notes/short.txt': SHORT,
      'notes/directed.txt': `# reframe-genre form\n${LETTER}`,
      'notes/fronted.md': `---\ntitle: Reply\nreframe-genre: teaching\n---\n\n${LETTER}`,
      'notes/binary.txt': Buffer.from([0x41, 0, 0x42, 0]),
      'configured/reply.txt': LETTER,
      'configured/.reframerc.json': JSON.stringify({ genre: 'chart-note' }),
    });
    const r = await reframe(['--format', 'json', 'notes', 'configured'], { cwd: dir });
    expect(r.code).toBe(1);
    const run = parseLintRun(r.stdout);
    expect(genres(run)).toEqual({
      'notes/chart.txt': { genre: 'chart-note', source: 'detected' },
      'notes/reply.md': { genre: 'letter', source: 'detected' },
      'notes/short.txt': { genre: null, source: 'detected' },
      'notes/directed.txt': { genre: 'form', source: 'directive' },
      'notes/fronted.md': { genre: 'teaching', source: 'directive' },
      'notes/binary.txt': undefined,
      'configured/reply.txt': { genre: 'chart-note', source: 'config' },
    });
    // The field sits between the path and the findings.
    expect(Object.keys(run.files.find((f) => f.path === 'notes/chart.txt') ?? {})).toEqual(['path', 'genre', 'diagnostics']);
    expect(Object.keys(run.files.find((f) => f.path === 'notes/binary.txt') ?? {})).toEqual(['path', 'skipped', 'diagnostics']);
  });

  it('is the same from the cache and on worker threads; an older cache file is not read', async () => {
    const { dir } = tree({ 'a/chart.txt': CHART, 'a/reply.txt': LETTER, 'b/short.txt': SHORT, 'b/chart.md': CHART });
    const uncached = (await reframe(['--format', 'json', '.'], { cwd: dir })).stdout;
    expect(genres(parseLintRun(uncached))).toMatchObject({
      'a/chart.txt': { genre: 'chart-note', source: 'detected' },
      'a/reply.txt': { genre: 'letter', source: 'detected' },
    });
    const cold = await reframe(['--format', 'json', '--cache', '.'], { cwd: dir });
    expect(cold.stdout).toBe(uncached);
    const cacheFile = join(dir, '.reframecache');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as {
      version: number;
      entries: Record<string, { genre: { genre: string | null; source: string } }>;
    };
    expect(cache.version).toBe(4);
    expect(Object.values(cache.entries).map((e) => e.genre.genre)).toEqual(expect.arrayContaining(['chart-note', 'letter', null]));
    const warm = await reframe(['--format', 'json', '--cache', '.'], { cwd: dir });
    expect(warm.stdout).toBe(uncached);
    // The warm run read the genre from the cache: an entry edited by hand shows through.
    for (const e of Object.values(cache.entries)) e.genre = { genre: 'form', source: 'config' };
    writeFileSync(cacheFile, JSON.stringify(cache));
    const tampered = parseLintRun((await reframe(['--format', 'json', '--cache', '.'], { cwd: dir })).stdout);
    expect(tampered.files.every((f) => f.genre?.genre === 'form')).toBe(true);
    // A cache file of the previous version (entries without a genre) is not read.
    writeFileSync(cacheFile, JSON.stringify({ ...cache, version: 3 }));
    expect((await reframe(['--format', 'json', '--cache', '.'], { cwd: dir })).stdout).toBe(uncached);
    // An entry without a genre is not trusted either.
    const current = JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: Record<string, { genre?: unknown }> };
    for (const e of Object.values(current.entries)) delete e.genre;
    writeFileSync(cacheFile, JSON.stringify(current));
    expect((await reframe(['--format', 'json', '--cache', '.'], { cwd: dir })).stdout).toBe(uncached);

    const workers = await reframe(['--format', 'json', '--jobs', '2', '.'], { cwd: dir, env: { REFRAME_DEBUG: '1' } });
    expect(workers.stderr).toContain('on 2 worker threads');
    expect(workers.stdout).toBe(uncached);
  });

  it('from standard input, and of the fixed text after --fix', async () => {
    const { dir } = tree({ 'chart.txt': CHART });
    const stdin = await reframe(['--stdin', '--stdin-filename', 'reply.md', '--format', 'json'], { cwd: dir, input: LETTER });
    expect(genres(parseLintRun(stdin.stdout))).toEqual({ 'reply.md': { genre: 'letter', source: 'detected' } });
    const fixed = await reframe(['--fix', '--format', 'json', 'chart.txt'], { cwd: dir });
    expect(readFileSync(join(dir, 'chart.txt'), 'utf8')).toContain('uses a wheelchair');
    expect(genres(parseLintRun(fixed.stdout))).toEqual({ 'chart.txt': { genre: 'chart-note', source: 'detected' } });
  });

  it('in reframe report --format json', async () => {
    const { dir } = tree({ 'course/chart.txt': CHART, 'course/reply.md': LETTER });
    const r = await reframe(['report', 'course', '--format', 'json'], { cwd: dir });
    expect(genres(parseLintRun(r.stdout))).toEqual({
      'course/chart.txt': { genre: 'chart-note', source: 'detected' },
      'course/reply.md': { genre: 'letter', source: 'detected' },
    });
  });
});

describe('genre in stylish output', () => {
  it('--verbose lists every linted file with its genre and how it was set', async () => {
    const { dir } = tree({ 'chart.txt': CHART, 'reply.md': LETTER, 'short.txt': SHORT, 'directed.txt': `# reframe-genre form\n${LETTER}` });
    const r = await reframe(['--verbose', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('chart.txt (genre: chart-note, detected)\n  2:');
    expect(r.stdout).toContain('reply.md (genre: letter, detected)\n  no findings\n');
    expect(r.stdout).toContain('short.txt (genre: none, too little text to tell)\n  no findings\n');
    expect(r.stdout).toContain('directed.txt (genre: form, set by a reframe-genre directive)\n');
    const configured = tree({ 'reply.txt': LETTER, '.reframerc.json': JSON.stringify({ genre: 'teaching' }) });
    expect((await reframe(['--verbose', 'reply.txt'], { cwd: configured.dir })).stdout).toBe(
      'reply.txt (genre: teaching, set by the config)\n  no findings\n\n✔ No findings in 1 file.\n',
    );
  });

  it('leaves the default output as it was: files with findings only, no genre', async () => {
    const { dir } = tree({ 'chart.txt': CHART, 'reply.md': LETTER });
    const r = await reframe(['.'], { cwd: dir });
    expect(r.stdout).not.toContain('genre');
    expect(r.stdout).not.toContain('reply.md');
    expect(r.stdout.startsWith('chart.txt\n  2:')).toBe(true);
  });
});
