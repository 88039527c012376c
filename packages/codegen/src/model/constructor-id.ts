// Constructor ids: the CRC32 of a declaration's normalized form (TL-NOTES §3). The form is
// rendered from the parsed declaration, not patched from its text, so spacing, line breaks,
// comments and parentheses in the source cannot change an id.

import { crc32 } from '../crc32.ts';
import type { TlArgument, TlDeclaration, TlTypeExpr } from '../parser/declaration.ts';

/**
 * Official ids that no normal form reproduces; tdesktop and Telethon carry the same list.
 * Keyed `name#id` so that a changed id in a new layer is checked again.
 */
export const knownIdMismatches: ReadonlySet<string> = new Set([
  'ipPortSecret#37982646',
  'accessPointRule#4679b65f',
  'help.configSimple#5a592a6c',
]);

export function computeConstructorId(declaration: TlDeclaration): number {
  return crc32(normalizedDeclaration(declaration));
}

/**
 * The text whose CRC32 is the id: no `#id`, no `;`, single spaces, `Vector<T>` as `Vector T`,
 * `{X:Type}` as `X:Type`, a field typed exactly `bytes` as `string`, and no `name:flags.N?true`.
 */
export function normalizedDeclaration(declaration: TlDeclaration): string {
  let text = declaration.name;
  if (declaration.primitive) text += ' ?';
  for (const arg of declaration.args) {
    if (isTrueFlag(arg)) continue;
    text += ` ${renderArgument(arg, true)}`;
  }
  return `${text} = ${renderType(declaration.result)}`;
}

/**
 * The declaration as written, canonically spaced, with its id: two declarations from different
 * files are the same definition exactly when these texts are equal.
 */
export function canonicalDeclaration(declaration: TlDeclaration, id: number): string {
  let text = `${declaration.name}#${id.toString(16).padStart(8, '0')}`;
  if (declaration.primitive) text += ' ?';
  for (const arg of declaration.args) text += ` ${renderArgument(arg, false)}`;
  return `${text} = ${renderType(declaration.result)}`;
}

export function formatId(id: number): string {
  return id.toString(16).padStart(8, '0');
}

function isTrueFlag(arg: TlArgument): boolean {
  return (
    arg.kind === 'field' &&
    arg.condition !== undefined &&
    arg.type.name === 'true' &&
    !arg.type.bare &&
    !arg.type.bang &&
    arg.type.args.length === 0
  );
}

function renderArgument(arg: TlArgument, forId: boolean): string {
  switch (arg.kind) {
    case 'typeParam':
      return forId ? `${arg.name}:${renderType(arg.type)}` : `{${arg.name}:${renderType(arg.type)}}`;
    case 'repetition': {
      const inner = arg.args.map((a) => renderArgument(a, forId)).join(' ');
      return `${arg.multiplier === undefined ? '' : `${arg.multiplier}*`}[ ${inner} ]`;
    }
    case 'field': {
      const type = forId && isPlainBytes(arg.type) && !arg.anonymous ? 'string' : renderType(arg.type);
      if (arg.anonymous) return type;
      const condition = arg.condition ? `${arg.condition.flagsField}.${arg.condition.bit}?` : '';
      return `${arg.name}:${condition}${type}`;
    }
  }
}

function isPlainBytes(type: TlTypeExpr): boolean {
  return type.name === 'bytes' && !type.bare && !type.bang && type.args.length === 0;
}

function renderType(type: TlTypeExpr): string {
  let text = (type.bare ? '%' : '') + (type.bang ? '!' : '') + type.name;
  for (const arg of type.args) text += ` ${renderType(arg)}`;
  return text;
}
