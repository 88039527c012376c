// The error of the JSON form of TL objects (`toJSON`, `fromJson`): a machine-readable `kind`, and the
// path of the offending value in TL names, outermost first, so a message reads
// `messages.startBot.bot.access_hash: expected a 64-bit integer as a decimal string, got number 1.5`.

import { TlError } from './errors.ts';

export type JsonErrorKind =
  /** JSON text that does not parse (`tlforge encode`). */
  | 'syntax'
  /** A value of the wrong JSON type, or a string that is not of the expected form. */
  | 'type'
  /** A number outside the TL type's range (`int` beyond 32 bits, a long beyond 64). */
  | 'range'
  /** A required field is absent (or null). */
  | 'missing'
  /** A key no field of the constructor has. */
  | 'unknown-field'
  /** A `_` naming no constructor the reader knows. */
  | 'unknown-constructor'
  /** A `_` naming a constructor of another type than the field's. */
  | 'unexpected-constructor'
  /** bytes, int128 or int256 text that is not canonical base64. */
  | 'base64';

export class TlJsonError extends TlError {
  declare readonly kind: JsonErrorKind;
  /** Field names and vector indexes (`[3]`) from the outermost value in: ['messages', '[3]', 'id']. */
  readonly path: string[];
  readonly detail: string;
  /** The `_` of the outermost object the error left (`messages.startBot`), when there is one. */
  root: string | undefined;

  constructor(kind: JsonErrorKind, detail: string, path: string[] = [], root?: string) {
    super(kind, formatJsonMessage(root, path, detail));
    this.path = path;
    this.detail = detail;
    this.root = root;
  }

  /**
   * Adds the enclosing field (or `[index]`) in front of the path and, when given, the name of the object
   * holding it (the outermost one names it last), and rebuilds the message.
   */
  prependPath(segment: string, root?: string): this {
    this.path.unshift(segment);
    if (root !== undefined) this.root = root;
    this.message = formatJsonMessage(this.root, this.path, this.detail);
    return this;
  }

  /** `messages[3].id`: the path as one string, indexes attached to their field. */
  get pathText(): string {
    return joinJsonPath(this.path);
  }
}

function joinJsonPath(path: readonly string[]): string {
  let text = '';
  for (const segment of path) {
    text += text === '' || segment.startsWith('[') ? segment : `.${segment}`;
  }
  return text;
}

/** Paths longer than this are shortened in messages (`a.b.…(980 more)….y.z`); `path` keeps them whole. */
const MESSAGE_PATH_SEGMENTS = 24;

function formatJsonMessage(root: string | undefined, path: readonly string[], detail: string): string {
  const half = MESSAGE_PATH_SEGMENTS / 2;
  const shown =
    path.length <= MESSAGE_PATH_SEGMENTS
      ? path
      : [...path.slice(0, half), `…(${path.length - 2 * half} more)…`, ...path.slice(-half)];
  const inner = joinJsonPath(shown);
  const where = root === undefined ? inner : inner === '' ? root : `${root}.${inner}`;
  return where === '' ? detail : `${where}: ${detail}`;
}

/**
 * Adds `segment` to a JSON error's path on its way out of the object `root` and rethrows it; any other
 * error is rethrown unchanged.
 */
export function rethrowJson(e: unknown, segment: string, root: string | undefined): never {
  if (e instanceof TlJsonError) e.prependPath(segment, root);
  throw e;
}
