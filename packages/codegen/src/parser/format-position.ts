// How a position reads in a message, in one place for every diagnostic of every stage: `file:line:col`
// in TL text, `file:$.path` in a JSON schema, where the path names the value exactly and a
// line:column would point into a single line of several hundred kilobytes.

import type { SourcePosition } from '../model/schema-model.ts';

/** `api.tl:12:5` or `api.json:$.constructors[12].params[3].type`. */
export function formatPosition(position: SourcePosition): string {
  return `${position.file}:${position.path ?? `${position.line}:${position.column}`}`;
}
