// The bytes a person pastes (and hex to show them): hex (any spacing and line breaks, `0x` prefixes, commas or colons between
// groups, as hexdumps and source code write them) or base64 (standard or URL-safe, padding optional,
// wrapped lines). Text of hex digits only is hex; anything else is tried as base64. Every failure says
// what was wrong and where.

import { Base64Failure, decodeBase64, TlError } from '@tlforge/runtime';

export type InputFormat = 'hex' | 'base64';

export interface InputBytes {
  bytes: Uint8Array;
  format: InputFormat;
}

/** The bytes of `text`, read as `format` when given, else as hex when it is only hex digits. */
export function parseInputText(text: string, format?: InputFormat): InputBytes {
  const groups = text.split(/[\s,:]+/).filter((group) => group !== '');
  const hexDigits = groups.map((group) => group.replace(/^0x/i, '')).join('');
  if (format === 'hex' || (format === undefined && /^[0-9a-fA-F]*$/.test(hexDigits))) {
    return { bytes: parseHex(hexDigits), format: 'hex' };
  }
  return { bytes: parseBase64(groups.join('')), format: 'base64' };
}

function parseHex(digits: string): Uint8Array {
  const bad = digits.search(/[^0-9a-fA-F]/);
  if (bad >= 0) throw new TlError('input', `not hex: ${JSON.stringify(digits[bad])} at digit ${bad}`);
  if (digits.length % 2 !== 0) {
    throw new TlError('input', `an odd number of hex digits (${digits.length}): a byte is two digits`);
  }
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function parseBase64(text: string): Uint8Array {
  // URL-safe letters to the standard ones, padding restored: what the strict decoder reads.
  let standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  while (standard.length % 4 !== 0) standard += '=';
  try {
    return decodeBase64(standard);
  } catch (e) {
    if (e instanceof Base64Failure) throw new TlError('input', `neither hex nor base64: ${e.message}`);
    throw e;
  }
}

/** Bytes as lower-case hex, no spaces. */
export function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
