// The last step of emitting a module: ts-morph prints its statements, and the header and the imports
// its text needs go above them (module-imports.ts). Apart from the emitter, so that the worker thread
// of `tlforge generate` (emit-worker.ts), which only prints, loads only this and ts-morph.

import type { GeneratedFile } from './emit-schema-module.ts';
import type { ImportExtension } from './generate-options.ts';
import { type ImportedSymbol, ImportTable, importStatements } from './module-imports.ts';
import { tsMorph } from './ts-morph.ts';

/** What `ModulePrinter` needs: plain data, which a worker thread can be sent. */
export interface ModulePrinting {
  /** The lines of the header every file starts with. */
  header: readonly string[];
  extension: ImportExtension;
  /** The entries of the import table (`ImportTable.entries`) the modules' imports are found in. */
  imports: Array<[string, ImportedSymbol]>;
  /** Modules with imports of their own instead: another table's entries, or 'none'. */
  ownImports: Array<[module: string, imports: Array<[string, ImportedSymbol]> | 'none']>;
}

export class ModulePrinter {
  private readonly table: ImportTable;
  private readonly ownTables = new Map<string, ImportTable | undefined>();

  constructor(private readonly printing: ModulePrinting) {
    this.table = ImportTable.fromEntries(printing.imports);
    for (const [module, imports] of printing.ownImports)
      this.ownTables.set(module, imports === 'none' ? undefined : ImportTable.fromEntries(imports));
  }

  print(module: string, statements: string[]): GeneratedFile {
    const { header, extension } = this.printing;
    const body = printStatements(statements);
    const table = this.ownTables.has(module) ? this.ownTables.get(module) : this.table;
    const imports = table === undefined ? [] : importStatements(module, body, table, extension);
    const text = [header.join('\n'), '', ...imports, ...(imports.length > 0 ? [''] : []), body].join('\n');
    return { path: `${module}.ts`, text: text.endsWith('\n') ? text : `${text}\n` };
  }
}

/** Printed straight from the structures: no AST is built for the generated text. */
function printStatements(statements: string[]): string {
  const { printStructure, StructureKind } = tsMorph();
  return printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true },
  );
}
