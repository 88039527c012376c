// Type-checks a folder of generated TypeScript under every strict flag the README promises, with the
// TypeScript that ts-morph carries, and returns the diagnostics of the folder's own files (the runtime
// sources it imports are checked by the repository's own tsc run, under its own flags).

import { resolve } from 'node:path';
import { Project, ts } from 'ts-morph';

export function compileErrors(dir: string): string[] {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ['@tlforge/source'],
      allowImportingTsExtensions: true,
      noEmit: true,
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      erasableSyntaxOnly: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      skipLibCheck: true,
      types: [],
    },
  });
  project.addSourceFilesAtPaths(`${dir}/**/*.ts`);
  const root = `${resolve(dir)}/`;
  return project
    .getPreEmitDiagnostics()
    .filter((d) => d.getSourceFile()?.getFilePath().startsWith(root) ?? true)
    .map((d) => {
      const file = d.getSourceFile()?.getFilePath().slice(root.length) ?? '';
      const text = ts.flattenDiagnosticMessageText(d.compilerObject.messageText, '\n');
      return `${file}:${d.getLineNumber() ?? 0}: TS${d.getCode()}: ${text}`;
    });
}
