// The one error type for paths the toolchain cannot use: a schema file that is missing, a directory
// or unreadable, an output folder that is a file or cannot be written. The CLI turns these into
// exit code 2 (the invocation is wrong, not the schema); the message names the path as given.

import { TlError } from '@tlforge/runtime';

export type TlFileErrorKind =
  | 'missing-file'
  | 'is-directory'
  | 'unreadable-file'
  | 'not-a-directory'
  | 'write-failed';

export class TlFileError extends TlError {
  declare readonly kind: TlFileErrorKind;
  /** The path exactly as the caller gave it. */
  readonly path: string;

  constructor(kind: TlFileErrorKind, path: string, message: string, options?: { cause?: unknown }) {
    super(kind, message);
    this.path = path;
    if (options?.cause !== undefined) this.cause = options.cause;
  }

  /** Names why `path` could not be read as a schema file, from the failure of `readFileSync`. */
  static fromReadFailure(path: string, failure: unknown): TlFileError {
    const code = errnoCode(failure);
    // ENOTDIR: a path through a file (`api.tl/x.tl`) does not exist either.
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return new TlFileError('missing-file', path, `${path} does not exist`, { cause: failure });
    if (code === 'EISDIR')
      return new TlFileError('is-directory', path, `${path} is a directory: pass the .tl files in it`, {
        cause: failure,
      });
    return new TlFileError('unreadable-file', path, `cannot read ${path}: ${describe(failure)}`, {
      cause: failure,
    });
  }
}

/** The `code` of a Node.js system error (`ENOENT`, `EACCES`, …); undefined for anything else. */
export function errnoCode(failure: unknown): string | undefined {
  if (!(failure instanceof Error) || !('code' in failure)) return undefined;
  return typeof failure.code === 'string' ? failure.code : undefined;
}

function describe(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
