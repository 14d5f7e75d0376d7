/**
 * The genre of an open document, sent over stdio as `reframe/documentGenre` after its diagnostics to a
 * client that asks for it (initializationOptions.documentGenre): detected, from the config file or from
 * a directive; again only when it changes; null for too little text, and with a null source for a
 * document that is not linted. Invented text only.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentGenreParams } from '../src/protocol.js';
import type { LspClient } from './lsp-client.js';
import { clientStarter } from './start-client.js';

// Addressed to the reader throughout: a letter.
const LETTER = [
  'Thank you for your note; what you describe sounds tiring, and you are not the only one who feels it.',
  'You could begin by writing down when the worry starts, and what you notice in your chest just before.',
  'Have you told your sister how worn out you feel? Your worth does not rest on how she answers.',
  'You deserve rest, and you can ask for it.',
].join(' ');

// Chart headings and a record of the patient: a chart note.
const CHART = [
  'HISTORY OF PRESENT ILLNESS: The patient is a 47-year-old woman who presents with three days of wrist pain after a fall.',
  'She denies numbness. PAST MEDICAL HISTORY: Asthma. MEDICATIONS: Salbutamol as needed.',
  'EXAM: Swelling over the distal radius. No deformity. PLAN: X-ray of the right wrist; follow-up in one week.',
].join('\n');

const { start } = clientStarter({ initializationOptions: { documentGenre: true } });

/** A request answered after every notification the server sent before it (one ordered stream). */
async function settled(client: LspClient): Promise<void> {
  await client.executeCommand('reframe.explain', ['suicide/committed-suicide']);
}

const genreOf = (p: DocumentGenreParams | undefined) => p && { genre: p.genre, source: p.source, version: p.version };

describe('reframe/documentGenre over stdio', { timeout: 120_000 }, () => {
  it('sends the detected genre after the diagnostics, and again only when it changes', async () => {
    const { client, ws } = await start();
    const uri = ws.uri('reply.txt');
    await client.open(uri, 'plaintext', `${LETTER}\n`);
    await client.diagnostics(uri, 1);
    const first = await client.until(() => client.genreFor(uri, 1), 'the genre of version 1');
    expect(genreOf(first)).toEqual({ genre: 'letter', source: 'detected', version: 1 });
    // Its diagnostics were published first.
    expect(client.published.some((p) => p.uri === uri && p.version === 1)).toBe(true);

    // An edit that leaves it a letter sends no genre.
    const end = { line: 1, character: 0 };
    const v2 = await client.change(uri, 'You can write again whenever you like.\n', { start: end, end });
    await client.diagnostics(uri, v2);
    await settled(client);
    expect(client.genres.filter((g) => g.uri === uri)).toHaveLength(1);

    // Rewritten as a chart note: the new genre, for the version it was linted at.
    const whole = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const v3 = await client.change(uri, `${CHART}\n`, whole);
    await client.diagnostics(uri, v3);
    const changed = await client.until(() => client.genreFor(uri, v3), 'the genre of the rewritten note');
    expect(genreOf(changed)).toEqual({ genre: 'chart-note', source: 'detected', version: v3 });
  });

  it('says how the genre was set: a directive over the config file, the config file over detection', async () => {
    const { client, ws } = await start({}, { '.reframerc.json': JSON.stringify({ genre: 'teaching' }) });
    const configured = ws.uri('configured.txt');
    await client.open(configured, 'plaintext', `${LETTER}\n`);
    expect(genreOf(await client.until(() => client.genreFor(configured, 1), 'config genre'))).toEqual({
      genre: 'teaching',
      source: 'config',
      version: 1,
    });
    const directed = ws.uri('directed.md');
    await client.open(directed, 'markdown', `<!-- reframe-genre form -->\n\n${LETTER}\n`);
    expect(genreOf(await client.until(() => client.genreFor(directed, 1), 'directive genre'))).toEqual({
      genre: 'form',
      source: 'directive',
      version: 1,
    });
  });

  it('sends null for too little text, a null source for a document it does not lint, and again after a reopen', async () => {
    const { client, ws } = await start({ settings: { debounceMs: 20, maxFileSize: 100 } });
    const short = ws.uri('short.txt');
    await client.open(short, 'plaintext', 'Denies chest pain.\n');
    expect(genreOf(await client.until(() => client.genreFor(short, 1), 'short genre'))).toEqual({
      genre: null,
      source: 'detected',
      version: 1,
    });
    const big = ws.uri('big.txt');
    await client.open(big, 'plaintext', `${'You are welcome to call. '.repeat(10)}\n`);
    expect(genreOf(await client.until(() => client.genreFor(big, 1), 'unlinted genre'))).toEqual({
      genre: null,
      source: null,
      version: 1,
    });

    await client.close(short);
    await client.open(short, 'plaintext', 'Denies chest pain.\n');
    await client.until(() => client.genres.filter((g) => g.uri === short).length === 2, 'the genre again after a reopen');
  });

  it('sends nothing to a client that did not ask for it', async () => {
    const { client, ws } = await start({ initializationOptions: {} });
    const uri = ws.uri('reply.txt');
    await client.open(uri, 'plaintext', `${LETTER}\n`);
    await client.diagnostics(uri, 1);
    await settled(client);
    expect(client.genres).toEqual([]);
  });
});
