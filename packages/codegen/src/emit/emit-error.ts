// The emitter's one error type: a model the emitter cannot turn into valid TypeScript (two TL names
// that map to the same TS name, a generic function without its `!X` argument). Names the definition
// and where it was declared.

import { TlError } from '@tlforge/runtime';
import type { SourcePosition } from '../model/schema-model.ts';
import { formatPosition } from '../parser/format-position.ts';

export type TlEmitErrorKind = 'name-clash' | 'unsupported-definition' | 'unsupported-option' | 'unknown-name';

export class TlEmitError extends TlError {
  declare readonly kind: TlEmitErrorKind;
  readonly position: SourcePosition | undefined;
  readonly detail: string;

  constructor(kind: TlEmitErrorKind, detail: string, position?: SourcePosition) {
    const where = position === undefined ? '' : `${formatPosition(position)}: `;
    super(kind, `${where}${kind}: ${detail}`);
    this.position = position;
    this.detail = detail;
  }
}
