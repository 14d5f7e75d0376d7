/** A problem with how reframe was called or with a file it was given: exit code 2. */
export class UsageError extends Error {}

/** A configuration problem (file:line:col: message), possibly found on a worker thread: exit code 2. */
export class ConfigFailure extends Error {}
