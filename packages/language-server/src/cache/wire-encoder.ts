/**
 * A JSON encoder for the stdio transport that keeps each published diagnostic's encoded form. The
 * server sends the same diagnostic objects again while their block keeps its findings and its line
 * (every finding outside the edited block, on every keystroke), so a publish is mostly copies of
 * bytes already made rather than a 200 KB JSON.stringify and UTF-8 encoding per keystroke. Anything
 * else is encoded exactly as vscode-jsonrpc does. Diagnostic objects are never changed once sent: the
 * server's are frozen (see blockDiagnostic), which is what makes keying on them safe (README.md).
 */
import type { ContentTypeEncoder, ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: object[];
}

/** A publish this encoder takes apart: exactly the fields of a notification with uri, version and diagnostics. */
function publishParams(message: Message): PublishParams | undefined {
  const m = message as { jsonrpc?: unknown; method?: unknown; params?: unknown; id?: unknown };
  if (m.method !== PUBLISH || m.id !== undefined || Object.keys(m).length !== 3) return undefined;
  const p = m.params as Partial<PublishParams> | null | undefined;
  if (!p || typeof p.uri !== 'string' || !Array.isArray(p.diagnostics)) return undefined;
  const keys = Object.keys(p);
  if (keys.some((k) => k !== 'uri' && k !== 'version' && k !== 'diagnostics')) return undefined;
  if (p.version !== undefined && typeof p.version !== 'number') return undefined;
  if (!p.diagnostics.every((d) => typeof d === 'object' && d !== null)) return undefined;
  return p as PublishParams;
}

export function cachingJsonEncoder(): ContentTypeEncoder {
  const encoded = new WeakMap<object, Uint8Array>();
  const comma = Buffer.from(',');
  const utf8 = new TextEncoder();
  // TextEncoder's arrays own their memory; a small Buffer.from would hold on to a shared 8 KB pool.
  const bytesOf = (json: string, charset: string): Uint8Array =>
    charset === 'utf-8' ? utf8.encode(json) : Buffer.from(json, charset as BufferEncoding);
  return {
    name: 'application/json',
    encode(message: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
      try {
        const params = publishParams(message);
        if (!params) return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
        const version = params.version === undefined ? '' : `,"version":${JSON.stringify(params.version)}`;
        const parts: Uint8Array[] = [
          Buffer.from(
            `{"jsonrpc":${JSON.stringify(message.jsonrpc)},"method":"${PUBLISH}","params":{"uri":${JSON.stringify(params.uri)}${version},"diagnostics":[`,
            options.charset,
          ),
        ];
        params.diagnostics.forEach((d, i) => {
          let bytes = encoded.get(d);
          if (!bytes) {
            bytes = bytesOf(JSON.stringify(d), options.charset);
            encoded.set(d, bytes);
          }
          if (i > 0) parts.push(comma);
          parts.push(bytes);
        });
        parts.push(Buffer.from(']}}'));
        return Promise.resolve(Buffer.concat(parts));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}
