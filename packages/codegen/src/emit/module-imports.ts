// The imports of each generated file, derived from its text: every identifier the text uses that
// another file (or the runtime package) exports gets exactly one import, and nothing unused is
// imported, so the output compiles under `noUnusedLocals` and `verbatimModuleSyntax`. Emitters write
// cross-file references under one schema-wide identifier (`messages$StartBot`, `read$InputUser`,
// `Api`) and register it here once.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { ImportExtension } from './generate-options.ts';

/** Where an identifier used by generated text comes from. */
export interface ImportedSymbol {
  /** A generated module path without extension (`api/messages`), or a package specifier. */
  from: string;
  /** True when `from` is a package (`@tlforge/runtime`), not a generated file. */
  fromPackage: boolean;
  /** The exported name; `*` imports the module namespace. */
  name: string;
  typeOnly: boolean;
}

export class ImportTable {
  private readonly symbols = new Map<string, ImportedSymbol>();

  /** Registers `local`, the identifier generated text writes for `symbol`. */
  add(local: string, symbol: ImportedSymbol): void {
    if (this.symbols.has(local)) throw new Error(`import table: ${local} registered twice`);
    this.symbols.set(local, symbol);
  }

  get(local: string): ImportedSymbol | undefined {
    return this.symbols.get(local);
  }
}

/**
 * The import statements of the generated module `modulePath` whose body is `body`. `extension` is the
 * ending of relative specifiers.
 */
export function importStatements(
  modulePath: string,
  body: string,
  table: ImportTable,
  extension: ImportExtension,
): string[] {
  const byModule = new Map<string, { fromPackage: boolean; values: string[]; types: string[] }>();
  const namespaces: string[] = [];
  for (const local of [...freeIdentifiers(body)].sort()) {
    const symbol = table.get(local);
    if (symbol === undefined) continue;
    // A file never imports its own exports, except as a namespace: `api` names its own types `Api.X`.
    if (!symbol.fromPackage && symbol.from === modulePath && symbol.name !== '*') continue;
    const specifier = symbol.fromPackage
      ? symbol.from
      : relativeSpecifier(modulePath, symbol.from, extension);
    if (symbol.name === '*') {
      namespaces.push(`import ${symbol.typeOnly ? 'type ' : ''}* as ${local} from '${specifier}';`);
      continue;
    }
    let entry = byModule.get(specifier);
    if (entry === undefined) {
      entry = { fromPackage: symbol.fromPackage, values: [], types: [] };
      byModule.set(specifier, entry);
    }
    const binding = symbol.name === local ? local : `${symbol.name} as ${local}`;
    (symbol.typeOnly ? entry.types : entry.values).push(binding);
  }
  const statements: string[] = [];
  // Packages first, then generated files by path: a stable order, whatever order the text used them in.
  const specifiers = [...byModule.keys()].sort((a, b) => {
    const pa = byModule.get(a)!.fromPackage;
    const pb = byModule.get(b)!.fromPackage;
    return pa === pb ? (a < b ? -1 : a > b ? 1 : 0) : pa ? -1 : 1;
  });
  for (const specifier of specifiers) {
    const { values, types } = byModule.get(specifier)!;
    if (types.length > 0) statements.push(importStatement('import type', types, specifier));
    if (values.length > 0) statements.push(importStatement('import', values, specifier));
  }
  return [...namespaces, ...statements];
}

/** One import; a long list of bindings gets a line each, as a formatter would print it. */
function importStatement(keyword: string, bindings: readonly string[], specifier: string): string {
  const oneLine = `${keyword} { ${bindings.join(', ')} } from '${specifier}';`;
  if (oneLine.length <= 110) return oneLine;
  return `${keyword} {\n${bindings.map((b) => `  ${b},\n`).join('')}} from '${specifier}';`;
}

/** `./codecs.js` from `api`, `../codecs.js` from `api/messages`. */
export function relativeSpecifier(fromModule: string, toModule: string, extension: ImportExtension): string {
  // Relative to the file `toModule.ext`, not to a folder `toModule` (the module `api` sits beside the
  // folder `api/` of its namespaces).
  let path = posix.relative(posix.dirname(fromModule), `${toModule}.ext`).slice(0, -'.ext'.length);
  if (!path.startsWith('.')) path = `./${path}`;
  return extension === 'none' ? path : `${path}.${extension}`;
}

/**
 * Identifiers `text` refers to: every identifier token except property names (after `.`), the keys
 * of object types and literals (`{ bot: …; randomId?: … }`) and declared class members. Comments and
 * strings are skipped by the TypeScript scanner, so a JSDoc that mentions a helper's name imports nothing.
 */
export function freeIdentifiers(text: string): Set<string> {
  const found = new Set<string>();
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const K = ts.SyntaxKind;
  // Brace depths at which a template literal's `${` substitution is open.
  const templates: number[] = [];
  let braces = 0;
  let previous = K.Unknown;
  let pending: string | undefined;
  let pendingAfter = K.Unknown;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if (kind === K.CloseBraceToken && templates.at(-1) === braces) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === K.TemplateTail) templates.pop();
    } else if (kind === K.OpenBraceToken) {
      braces++;
    } else if (kind === K.CloseBraceToken) {
      braces--;
    } else if (kind === K.TemplateHead) {
      templates.push(braces);
    }
    if (pending !== undefined) {
      // A class member (`declare writeBare: number;`) is a key too: a field may share a helper's name.
      const isKey =
        (kind === K.ColonToken || kind === K.QuestionToken) &&
        (pendingAfter === K.OpenBraceToken ||
          pendingAfter === K.SemicolonToken ||
          pendingAfter === K.CommaToken ||
          pendingAfter === K.DeclareKeyword ||
          pendingAfter === K.ReadonlyKeyword);
      if (!isKey) found.add(pending);
      pending = undefined;
    }
    if (kind === K.Identifier && previous !== K.DotToken && previous !== K.QuestionDotToken) {
      pending = scanner.getTokenValue();
      pendingAfter = previous;
    }
    previous = kind;
  }
  if (pending !== undefined) found.add(pending);
  return found;
}
