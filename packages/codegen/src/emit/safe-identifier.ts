// The one place that decides whether a name taken from a schema can stand in generated code as it is.
// Every TL name that becomes a namespace (an export of `api` and a file `api/<name>.ts`), a class or
// union, a field property, a type parameter, a local or a module-level identifier passes through
// `safeIdentifier`; nothing else in the emitter keeps a list of names to avoid (the emitter's own
// identifiers are listed where it declares them: `methodLocals`, `fixedModuleIdentifiers`).
//
// The rule: characters that cannot be in an identifier become `_`, a name starting with a digit gets
// a leading `_`, and a name that is unsafe where it is used gets a trailing `_` until it is not:
// `class` → `class_`, `__proto__` → `__proto___`, `con` (a namespace) → `con_`. Schemas never hold
// such names by accident, so the rename is silent; two schema names that end up the same are a
// `name-clash` diagnostic (schema-symbols.ts, field-plan.ts), never a second rename.

/** Where a name is used decides what it must avoid. */
export type NamePlace =
  /**
   * A TL namespace: an export of the `api` module (`Api.messages`, `import { messages }`) and the file
   * `api/<name>.ts`.
   */
  | 'namespace'
  /**
   * A declared name: an exported class, union or function, a module-level identifier, a local, a type
   * parameter.
   */
  | 'binding'
  /** A property of every instance of a generated class, and a key of its constructor's argument object. */
  | 'property';

/**
 * Names of `Object.prototype` (and the two that module interop gives a meaning). As a property, reading
 * one from a constructor's argument object that lacks it finds the inherited member (`args.toString` is
 * a function), and assigning `__proto__` replaces the prototype; as an export of a namespace object, a
 * module compiled to CommonJS assigns them to `exports` (`exports.__proto__ = …`).
 */
const prototypeNames: ReadonlySet<string> = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  '__esModule',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'prototype',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/**
 * Words that cannot be declared in strict-mode module code (reserved words, `arguments`, `eval`, the
 * read-only globals) and the TypeScript type names a class, type alias or type parameter cannot take.
 * Property names may be any of these (`default`, `private` and `delete` are fields of api.tl).
 */
const reservedWords: ReadonlySet<string> = new Set([
  'any',
  'arguments',
  'await',
  'bigint',
  'boolean',
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
  'never',
  'new',
  'null',
  'number',
  'object',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'string',
  'super',
  'switch',
  'symbol',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'unknown',
  'var',
  'void',
  'while',
  'with',
  'yield',
  'Infinity',
  'NaN',
]);

/** Members every generated class has (definition-class.ts): a field of that name would replace one. */
const classMemberNames: ReadonlySet<string> = new Set([
  'CONSTRUCTOR_ID',
  'SUBCLASS_OF_ID',
  'className',
  'classType',
  'serialize',
  'toJSON',
  'readResult',
  '_write',
  '_writeBare',
]);

/** Device names Windows refuses as file names, whatever the extension or case (`api/con.ts`). */
const windowsDeviceName = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** `name` as it can stand in generated code at `place`; see the rule at the top of this file. */
export function safeIdentifier(name: string, place: NamePlace): string {
  let safe = name.replace(/[^A-Za-z0-9_$]/g, '_');
  if (!/^[A-Za-z_$]/.test(safe)) safe = `_${safe}`;
  while (isUnsafe(safe, place)) safe = `${safe}_`;
  return safe;
}

/**
 * A local or type parameter: safe as a binding and not one of the names `taken` in its scope. Gets a
 * trailing `_` until both hold (`default` → `default_`, a field `r` → `r_`).
 */
export function localIdentifier(name: string, taken: { has(name: string): boolean }): string {
  let local = safeIdentifier(name, 'binding');
  while (taken.has(local) || isUnsafe(local, 'binding')) local = `${local}_`;
  return local;
}

function isUnsafe(name: string, place: NamePlace): boolean {
  if (prototypeNames.has(name)) return true;
  switch (place) {
    case 'namespace':
      return reservedWords.has(name) || windowsDeviceName.test(name);
    case 'binding':
      return reservedWords.has(name);
    case 'property':
      return classMemberNames.has(name);
  }
}
