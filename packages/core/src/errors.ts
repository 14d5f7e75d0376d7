/** Errors that point at a place in a file: `file:line:column: message`. */
export class ReframeFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${column}: ${detail}`);
    this.name = 'ReframeFileError';
  }
}

/** Several problems found in one pass, reported together. */
export class ReframeFileErrors extends Error {
  constructor(readonly errors: ReframeFileError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ReframeFileErrors';
  }
}
