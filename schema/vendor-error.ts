// Why `npm run schema:vendor` refused or stopped: a kind for tests, and a message saying what was
// wrong and what to do. Refusals happen before anything is written; `regenerate-failed` and
// `check-failed` come after, with schema/ already updated for review.

import { TlError } from '@tlforge/runtime';

export type VendorErrorKind =
  | 'no-source'
  | 'too-many-sources'
  | 'unknown-role'
  | 'duplicate-role'
  | 'no-schema-in-folder'
  | 'no-latest'
  | 'schema-errors'
  | 'unknown-layer'
  | 'not-a-newer-layer'
  | 'no-provenance-table'
  | 'regenerate-failed'
  | 'check-failed';

export class VendorError extends TlError {
  declare readonly kind: VendorErrorKind;

  constructor(kind: VendorErrorKind, message: string) {
    super(kind, message);
  }
}
