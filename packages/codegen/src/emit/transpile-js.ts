// `--emit js`: the generated TypeScript turned into JavaScript modules plus `.d.ts` declarations, for
// projects without a TypeScript build. Each file is transpiled on its own (the output is written to
// need no type information: explicit types on every export), so this takes no type-checking program.

import type { ts as TypeScript } from 'ts-morph';
import type { GeneratedFile } from './emit-schema-module.ts';
import { tsMorph } from './ts-morph.ts';

function compilerOptions(ts: typeof TypeScript): TypeScript.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
    declaration: true,
    isolatedDeclarations: true,
    removeComments: false,
    newLine: ts.NewLineKind.LineFeed,
  };
}

export function transpileToJs(sources: readonly GeneratedFile[]): GeneratedFile[] {
  const { ts } = tsMorph();
  const options = compilerOptions(ts);
  const files: GeneratedFile[] = [];
  for (const source of sources) {
    const base = source.path.replace(/\.ts$/, '');
    const js = ts.transpileModule(source.text, { compilerOptions: options, fileName: source.path });
    const dts = ts.transpileDeclaration(source.text, { compilerOptions: options, fileName: source.path });
    const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    if (problems.length > 0) {
      const message = ts.flattenDiagnosticMessageText(problems[0]!.messageText, '\n');
      throw new Error(`transpiling ${source.path}: ${message}`);
    }
    files.push({ path: `${base}.js`, text: js.outputText });
    // Declaration emit drops the file's leading comments: the header goes back on top.
    const header = source.text.slice(0, source.text.indexOf('\n\n') + 1);
    const declarations = dts.outputText.startsWith(header) ? dts.outputText : header + dts.outputText;
    files.push({ path: `${base}.d.ts`, text: declarations });
  }
  return files;
}
