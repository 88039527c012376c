// Short descriptions of offending input values for encode error messages ("got 1.5"), bounded in
// length so a huge string or array never ends up in a message.

import { isBigInteger } from './long.ts';
import { isTlObject } from './tl-object.ts';

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
      if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.byteLength} bytes)`;
      if (v instanceof ArrayBuffer) return `ArrayBuffer(${v.byteLength})`;
      if (Array.isArray(v)) return `array(${v.length})`;
      if (isBigInteger(v)) return `BigInteger ${v.toString()}`;
      return 'object';
    default:
      return typeof v;
  }
}

/** Like `describeValue`, but names a TL object's class and kind: `messages.StartBot (request)`. */
export function describeTlValue(value: unknown): string {
  return isTlObject(value) ? `${value.className} (${value.classType})` : describeValue(value);
}
