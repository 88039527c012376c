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
  // tdesktop's legacy file locations, kept with the ids they had before their lines changed.
  'inputPeerPhotoFileLocationLegacy#27d69997',
  'inputStickerSetThumbLegacy#0dbaeae9',
]);

export function computeConstructorId(declaration: TlDeclaration): number {
  return crc32(normalizedDeclaration(declaration));
}

/**
 * The text whose CRC32 is the id: no `#id`, no `;`, single spaces, `Vector<T>` as `Vector T`,
 * `{X:Type}` as `X:Type`, a field typed exactly `bytes` as `string`, no `%`, and no
 * `name:flags.N?true`.
 */
export function normalizedDeclaration(declaration: TlDeclaration): string {
  let text = declaration.name;
  if (declaration.primitive) text += ' ?';
  for (const arg of declaration.args) {
    if (isTrueFlag(arg)) continue;
    text += ` ${renderArgument(arg, true)}`;
  }
  return `${text} = ${renderType(declaration.result, true)}`;
}

/**
 * The declaration as written, canonically spaced, with its id: two declarations from different
 * files are the same definition exactly when these texts are equal.
 */
export function canonicalDeclaration(declaration: TlDeclaration, id: number): string {
  let text = `${declaration.name}#${id.toString(16).padStart(8, '0')}`;
  if (declaration.primitive) text += ' ?';
  for (const arg of declaration.args) text += ` ${renderArgument(arg, false)}`;
  return `${text} = ${renderType(declaration.result, false)}`;
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
      return forId
        ? `${arg.name}:${renderType(arg.type, forId)}`
        : `{${arg.name}:${renderType(arg.type, forId)}}`;
    case 'repetition': {
      const inner = arg.args.map((a) => renderArgument(a, forId)).join(' ');
      return `${arg.multiplier === undefined ? '' : `${arg.multiplier}*`}[ ${inner} ]`;
    }
    case 'field': {
      const type = forId && isPlainBytes(arg.type) && !arg.anonymous ? 'string' : renderType(arg.type, forId);
      if (arg.anonymous) return type;
      const condition = arg.condition ? `${arg.condition.flagsField}.${arg.condition.bit}?` : '';
      return `${arg.name}:${condition}${type}`;
    }
  }
}

function isPlainBytes(type: TlTypeExpr): boolean {
  return type.name === 'bytes' && !type.bare && !type.bang && type.args.length === 0;
}

/**
 * A type as TL writes it (`%message`, `!X`, `Vector InputUser`). The `%` marks a bare type in the
 * declaration but is no part of the text the id is computed from: `msg_container#73f1f8dc
 * messages:vector<%message>` hashes as `messages:vector message`.
 */
function renderType(type: TlTypeExpr, forId: boolean): string {
  let text = (type.bare && !forId ? '%' : '') + (type.bang ? '!' : '') + type.name;
  for (const arg of type.args) text += ` ${renderType(arg, forId)}`;
  return text;
}

/** A type expression as the schema writes it, `%` included (`vector %message`). */
export function typeExprText(type: TlTypeExpr): string {
  return renderType(type, false);
}
