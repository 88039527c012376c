// Names of everything the emitter writes: GramJS-compatible class, field and union names, and the one
// place where a field name that cannot be a local identifier (a JS keyword, or one of the names the
// generated methods use themselves) is escaped.

/** `messages.startBot` → `StartBot`, `p_q_inner_data` → `PQInnerData` (GramJS's rule, applied to the local name). */
export function className(localName: string): string {
  return localName.replace(/(?:^|_)([a-z])/g, (_, g: string) => g.toUpperCase()).replace(/_/g, '');
}

/** `random_id` → `randomId`; `srp_B` stays `srp_B` (GramJS's rule). */
export function fieldName(tlName: string): string {
  return tlName.replace(/([-_][a-z])/g, (g) => g.toUpperCase().replace('-', '').replace('_', ''));
}

/** The union of a boxed type's constructors: `Updates` → `TypeUpdates`, `P_Q_inner_data` → `TypeP_Q_inner_data`. */
export function unionTypeName(localName: string): string {
  return `Type${localName}`;
}

/** GramJS's `className`: `messages.StartBot` for namespaced definitions, `InputUser` at the root. */
export function qualifiedClassName(namespace: string | undefined, localName: string): string {
  const name = className(localName);
  return namespace === undefined ? name : `${namespace}.${name}`;
}

/** Reserved words and the globals that must not be shadowed by a `const` (strict-mode module code). */
const reservedIdentifiers = new Set([
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'Infinity',
  'NaN',
]);

/**
 * The local variable a reader uses for a field. Field names are fine as property names, but as
 * identifiers they may be keywords (`default`, `delete`) or collide with the names generated methods
 * use (`r`, `field`, module helpers): those get a trailing underscore until they are free.
 */
export function localIdentifier(name: string, taken: { has(name: string): boolean }): string {
  let local = name;
  while (reservedIdentifiers.has(local) || taken.has(local)) local = `${local}_`;
  return local;
}

/** A module-level identifier derived from a TL name: `messages.Messages` → `messages$Messages`. */
export function tlNameIdentifier(tlName: string): string {
  return tlName
    .replace(/\./g, '$')
    .replace(/</g, '$')
    .replace(/[^A-Za-z0-9_$]/g, '');
}
