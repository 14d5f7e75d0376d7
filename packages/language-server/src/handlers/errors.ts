/**
 * How handlers fail: every error is logged without document text and none escapes to the connection,
 * so one bad document never takes the server down. Errors meant for the client (ResponseError: bad
 * arguments, an unknown command) are its answer.
 */
import { type Connection, ResponseError } from 'vscode-languageserver/node';

export function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Run a request handler; on failure log and answer `fallback`, or pass a ResponseError on as the answer. */
export async function safely<T>(connection: Connection, what: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ResponseError) throw error;
    connection.console.error(`reframe: ${what} failed: ${describe(error)}`);
    return fallback;
  }
}

/** Run background work (no one to answer): every failure is logged, none escapes. */
export function quietly(connection: Connection, what: string, run: () => unknown): void {
  Promise.resolve()
    .then(run)
    .catch((error: unknown) => connection.console.error(`reframe: ${what} failed: ${describe(error)}`));
}
