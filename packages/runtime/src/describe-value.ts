// Short descriptions of offending input values for encode error messages ("got 1.5"), bounded in
// length so a huge string or array never ends up in a message.

import { isBigInteger } from './long.ts';

export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'string': {
      const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
      return `string ${JSON.stringify(shown)}`;
    }
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'undefined':
      return 'undefined';
    case 'object':
      if (v === null) return 'null';
      if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
      if (Array.isArray(v)) return `array(${v.length})`;
      if (isBigInteger(v)) return `BigInteger ${v.toString()}`;
      return 'object';
    default:
      return typeof v;
  }
}
