/**
 * The stdio message reader: LSP base-protocol frames (header lines, a blank line, then the number of
 * bytes of JSON its `Content-Length` header says) with recovery from bad ones.
 *
 * vscode-jsonrpc's StreamMessageReader, given a header whose Content-Length is not a number, reports an
 * error nobody listens to and then reads that frame's body as the next header, and every frame after
 * it the same way: the server stays alive and never answers again. This reader reports each problem
 * through `report` (what was wrong, never the bytes: they may be a document's text) and finds its
 * place again at the next `Content-Length: <digits>` header line. The body of a bad frame is skipped
 * with it; no JSON body can contain such a line, since JSON writes a line break inside a string as
 * `\r\n` escapes. A body that is not JSON is reported and dropped; the frames after it are read as
 * usual. It also notes whether the client asked the server to shut down (for the exit code).
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from 'vscode-languageserver/node';

const HEADER_END = Buffer.from('\r\n\r\n');
/** A header block longer than this without its blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A `Content-Length: <digits>` line, where reading starts again after a bad frame. */
const LENGTH_LINE = /content-length:[ \t]*\d+[ \t]*\r\n/i;
/** What is kept while looking for that line: enough for one split across two chunks. */
const LENGTH_LINE_TAIL = 64;

export class ResyncingMessageReader extends AbstractMessageReader {
  shutdownRequested = false;
  private chunks: Buffer[] = [];
  private size = 0;
  /** The length of the body being read, or -1 while reading a header. */
  private bodyLength = -1;
  /** After a bad frame: looking for the next Content-Length line. */
  private resyncing = false;
  private callback: DataCallback | undefined;

  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly report: (problem: string) => void,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    const onError = (error: Error) => this.fireError(error);
    const onClose = () => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('close', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('close', onClose);
      },
    };
  }

  private onData(data: Buffer): void {
    this.chunks.push(data);
    this.size += data.length;
    for (;;) {
      if (this.resyncing && !this.resync()) return;
      if (this.bodyLength < 0 && !this.readHeader()) {
        if (this.resyncing) continue; // a bad header: look for the next one in what is left
        return;
      }
      if (this.size < this.bodyLength) return;
      const body = this.take(this.bodyLength);
      this.bodyLength = -1;
      this.deliver(body);
    }
  }

  /** All buffered bytes as one buffer. */
  private joined(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return this.chunks[0] as Buffer;
  }

  private take(length: number): Buffer {
    const all = this.joined();
    const taken = all.subarray(0, length);
    this.drop(length);
    return taken;
  }

  private drop(length: number): void {
    const rest = this.joined().subarray(length);
    this.chunks = rest.length ? [rest] : [];
    this.size = rest.length;
  }

  /** Skip to the next Content-Length line; false until one has arrived. */
  private resync(): boolean {
    const found = LENGTH_LINE.exec(this.joined().toString('latin1'));
    if (!found) {
      if (this.size > LENGTH_LINE_TAIL) this.drop(this.size - LENGTH_LINE_TAIL);
      return false;
    }
    this.drop(found.index);
    this.resyncing = false;
    return true;
  }

  /** Read one header block: true with `bodyLength` set, false when more bytes are needed or it was bad. */
  private readHeader(): boolean {
    const all = this.joined();
    const end = all.indexOf(HEADER_END);
    if (end < 0 || end > MAX_HEADER_BYTES) {
      if (end < 0 && this.size <= MAX_HEADER_BYTES) return false;
      // One byte dropped, so the header being given up is not found again at the start.
      this.bad(`no end of its header within ${MAX_HEADER_BYTES} bytes`, 1);
      return false;
    }
    const length = contentLength(all.subarray(0, end).toString('latin1'));
    if (typeof length === 'string') {
      this.bad(length, end + HEADER_END.length);
      return false;
    }
    this.drop(end + HEADER_END.length);
    this.bodyLength = length;
    return true;
  }

  /** Report a bad frame, drop its header and look for the next one. */
  private bad(problem: string, headerBytes: number): void {
    this.report(`ignored a message from the client: ${problem}; reading again from the next Content-Length header`);
    this.drop(headerBytes);
    this.resyncing = true;
  }

  private deliver(body: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch {
      this.report(`ignored a message from the client: its body (${body.length} bytes) is not JSON`);
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      this.report('ignored a message from the client: its body is not a JSON object');
      return;
    }
    if ((message as { method?: unknown }).method === 'shutdown') this.shutdownRequested = true;
    this.callback?.(message as Message);
  }
}

/** The Content-Length of a header block, or what is wrong with it. */
export function contentLength(header: string): number | string {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    if (line === '') continue; // a stray blank line between frames
    const colon = line.indexOf(':');
    if (colon <= 0) return 'a header line is not "name: value"';
    if (line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) return 'its Content-Length is not a whole number';
    if (length !== undefined && length !== n) return 'it has two different Content-Length headers';
    length = n;
  }
  return length ?? 'its header has no Content-Length';
}
