// The generated module `errors` (with `--docs`): the union `RpcErrorType` of every documented RPC
// error type, `isRpcError` typed by it, and the descriptions of the error table behind
// `rpcErrorDescription` and `describeRpcErrors`. Only a program that calls one of those two bundles
// the descriptions: a module-level object literal and functions are dropped when nothing uses them,
// and the runtime's `RpcError` never imports them.

import type { SchemaDocs } from '../model/schema-docs.ts';
import { CodeLines, quote } from './code-lines.ts';
import { docCommentLines } from './doc-comment.ts';
import { docMarkdown } from './doc-markdown.ts';
import { ImportTable } from './module-imports.ts';
import { errorsModuleRuntimeValues } from './runtime-imports.ts';

export const ERRORS_MODULE = 'errors';

/** What the generated index re-exports from the errors module. */
export const errorsModuleExports = {
  types: ['RpcErrorType'],
  values: ['describeRpcErrors', 'isRpcError', 'rpcErrorDescription'],
} as const;

/** The imports of `errors.ts`: runtime names only (its own table: see `errorsModuleRuntimeValues`). */
export function errorsModuleImportTable(runtime: string): ImportTable {
  const table = new ImportTable();
  for (const name of errorsModuleRuntimeValues)
    table.add(name, { from: runtime, fromPackage: true, name, typeOnly: false });
  return table;
}

/** An error type as the documentation writes it: the data's `FLOOD_WAIT_%d` is `FLOOD_WAIT_X`. */
export function rpcErrorTypeName(type: string): string {
  return type.replaceAll('%d', 'X');
}

/** Links in the runtime's descriptions stay Markdown links to core.telegram.org: no `{@link}` in a message. */
const noLinks = { definition: () => undefined, type: () => undefined };

/** The statements of `errors.ts` (its imports are resolved like every other module's). */
export function errorsModuleText(docs: SchemaDocs): string {
  const types = new Map<string, string | undefined>();
  for (const error of docs.errors.values()) {
    const name = rpcErrorTypeName(error.type);
    if (types.has(name)) continue;
    const description =
      error.description === undefined
        ? undefined
        : docMarkdown(error.description, noLinks).replace(/\s*\n\s*/g, ' ');
    types.set(name, description);
  }
  const sorted = [...types.keys()].sort();
  const layer = docs.layer === undefined ? '' : ` of layer ${docs.layer}`;
  const c = new CodeLines();
  for (const line of docCommentLines({
    paragraphs: [
      `Every RPC error type the error table${layer} documents (${sorted.length}): a number that the text ` +
        'of an error carries is `X` in its type (`FLOOD_WAIT_42` is a `FLOOD_WAIT_X`).',
    ],
  }))
    c.line(line);
  if (sorted.length === 0) c.line('export type RpcErrorType = never;');
  else {
    c.line('export type RpcErrorType =');
    c.indent(() => {
      for (const [i, type] of sorted.entries())
        c.line(`| ${quote(type)}${i === sorted.length - 1 ? ';' : ''}`);
    });
    c.line('');
  }
  c.line('/** `RpcError.is` for the documented types: a misspelt type does not compile. */');
  c.block(
    'export function isRpcError<T extends RpcErrorType>(error: unknown, type: T): error is RpcError<T>',
    () => {
      c.line('return RpcError.is(error, type);');
    },
  );
  c.line('');
  c.line(
    '/** The description of each documented type; `%d` stands for the number the text of the error carries. */',
  );
  c.wrap(
    'const descriptions: Readonly<Record<string, string>> = {',
    () => {
      for (const type of sorted) {
        const description = types.get(type);
        if (description !== undefined) c.line(`${quote(type)}: ${quote(description)},`);
      }
    },
    '};',
  );
  c.line('');
  c.line('/** The documented description of an error type (`FLOOD_WAIT_X`), or undefined. */');
  c.block('export function rpcErrorDescription(type: string): string | undefined', () => {
    c.line('return Object.hasOwn(descriptions, type) ? descriptions[type] : undefined;');
  });
  c.line('');
  c.line('/**');
  c.line(' * Makes every `RpcError` created from now on carry the description of its type, in `description`');
  c.line(
    ' * and in its message. Only programs that call this (or `rpcErrorDescription`) bundle the descriptions.',
  );
  c.line(' */');
  c.block('export function describeRpcErrors(): void', () => {
    c.line('setRpcErrorDescriptions(rpcErrorDescription);');
  });
  return c.toString();
}
