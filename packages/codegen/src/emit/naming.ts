// Names of everything the emitter writes: GramJS-compatible class, field and union names, each made
// safe where it is used by safe-identifier.ts (`class` → `class_`, a field `to_string` → `toString_`).

import { safeIdentifier } from './safe-identifier.ts';

/** GramJS's rule, applied to the local name: `startBot` → `StartBot`, `p_q_inner_data` → `PQInnerData`. */
function gramjsClassName(localName: string): string {
  return localName.replace(/(?:^|_)([a-z])/g, (_, g: string) => g.toUpperCase()).replace(/_/g, '');
}

/** The exported class of a definition: `messages.startBot` → `StartBot` (`_1x` → `_1x`, not `1x`). */
export function className(localName: string): string {
  return safeIdentifier(gramjsClassName(localName), 'binding');
}

/** A field's property: `random_id` → `randomId`; `srp_B` stays `srp_B` (GramJS's rule), `to_string` → `toString_`. */
export function fieldName(tlName: string): string {
  // Every field is planned several times (checks, class, JSON methods) and most names recur across
  // definitions: each is converted once.
  let name = fieldNames.get(tlName);
  if (name === undefined) {
    const gramjs = tlName.replace(/([-_][a-z])/g, (g) => g.toUpperCase().replace('-', '').replace('_', ''));
    name = safeIdentifier(gramjs, 'property');
    fieldNames.set(tlName, name);
  }
  return name;
}

const fieldNames = new Map<string, string>();

/** The union of a boxed type's constructors: `Updates` → `TypeUpdates`, `P_Q_inner_data` → `TypeP_Q_inner_data`. */
export function unionTypeName(localName: string): string {
  return safeIdentifier(`Type${localName}`, 'binding');
}

/** A TL namespace as an export of `api` and a file name: `messages` → `messages`, `class` → `class_`. */
export function namespaceName(namespace: string): string {
  return safeIdentifier(namespace, 'namespace');
}

/**
 * GramJS's `className` string: `messages.StartBot` for namespaced definitions, `InputUser` at the
 * root. A string, not an identifier: it keeps the TL namespace as written.
 */
export function qualifiedClassName(namespace: string | undefined, localName: string): string {
  const name = gramjsClassName(localName);
  return namespace === undefined ? name : `${namespace}.${name}`;
}

/** A module-level identifier derived from a TL name: `messages.Messages` → `messages$Messages`. */
export function tlNameIdentifier(tlName: string): string {
  return tlName
    .replace(/\./g, '$')
    .replace(/</g, '$')
    .replace(/[^A-Za-z0-9_$]/g, '');
}
