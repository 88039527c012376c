// `npm run docs:vendor -- <folder>`: turns mtcute's documentation data (`api-schema.json`,
// `mtp-schema.json` and `raw-errors.json` of its `packages/core/src/tl/`, collected from
// core.telegram.org) into the one file `tlforge generate --docs` reads, schema/docs/layer<N>.json:
// the descriptions of definitions, arguments and types, the error table, and each method's errors
// and who may call it, keyed by TL name with each definition's id. Rerunnable: the same input gives
// the same bytes. Two mtcute conventions are undone: the `mt_` prefix of MTProto names, and its
// `{@link RawMessageMediaDocument}` / `{@link messages.RawStartBotRequest}` links, which become the
// core.telegram.org links they were (`<a href=".../constructor/messageMediaDocument">`).

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEntryModule } from '../packages/codegen/src/cli/is-entry-module.ts';

/** Who may call a method, as the source writes it. */
export type DocsAvailability = 'user' | 'bot' | 'both';

/** An error a method may return: `code` and `description` only where they differ from the error table's. */
export interface DocsMethodError {
  type: string;
  code?: number;
  description?: string;
}

export interface DocsDefinition {
  /** The id as 8 hex digits: descriptions apply to a definition of the same name and id only. */
  id: string;
  description?: string;
  /** By TL argument name, the arguments that have a description. */
  arguments: Record<string, string>;
  available?: DocsAvailability;
  errors?: DocsMethodError[];
}

export interface DocsFile {
  layer: number;
  /** Where the text comes from and its license: generated files that carry the text carry this line. */
  notice: string;
  /** Descriptions of boxed types (unions) by TL name. */
  types: Record<string, string>;
  definitions: Record<string, DocsDefinition>;
  /** The error table by type as the source writes it (`FLOOD_WAIT_%d`: `%d` is the number in the text). */
  errors: Record<string, { code: number; description?: string }>;
}

export const DOCS_NOTICE =
  'Documentation collected from core.telegram.org by mtcute (https://github.com/mtcute/mtcute), ' +
  'MIT License, Copyright (c) 2023 alina sireneva';

interface MtcuteArgument {
  name: string;
  comment?: string;
}

interface MtcuteEntry {
  kind: 'class' | 'method';
  name: string;
  id: number;
  comment?: string;
  arguments: MtcuteArgument[];
  throws?: Array<{ code: number; name: string; comment?: string }>;
  available?: DocsAvailability;
}

interface MtcuteErrors {
  errors: Record<string, { code: number; name: string; description?: string }>;
  throws: Record<string, string[]>;
}

export interface DocsSources {
  api: { l: number; e: MtcuteEntry[]; u: Record<string, string> };
  mtproto: MtcuteEntry[];
  errors: MtcuteErrors;
}

export function readDocsSources(folder: string): DocsSources {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(folder, name), 'utf8'));
  return {
    api: read('api-schema.json') as DocsSources['api'],
    mtproto: read('mtp-schema.json') as MtcuteEntry[],
    errors: read('raw-errors.json') as MtcuteErrors,
  };
}

/** mtcute's entries of its own (`mtcute.dummyUpdate`) are no part of Telegram's schema. */
const MTCUTE_NAMESPACE = 'mtcute.';
const MTCUTE_PREFIX = 'mt_';

export function convertDocs(sources: DocsSources): DocsFile {
  const entries = [
    ...sources.api.e.filter((entry) => !entry.name.startsWith(MTCUTE_NAMESPACE)),
    ...sources.mtproto.map((entry) => ({
      ...entry,
      name: entry.name.startsWith(MTCUTE_PREFIX) ? entry.name.slice(MTCUTE_PREFIX.length) : entry.name,
    })),
  ];
  const links = mtcuteLinkTargets(entries);
  const text = (value: string | undefined): string | undefined => {
    const trimmed = value?.trim();
    return trimmed === undefined || trimmed === '' ? undefined : undoMtcuteLinks(trimmed, links);
  };

  const errors: DocsFile['errors'] = {};
  for (const type of Object.keys(sources.errors.errors).sort()) {
    const error = sources.errors.errors[type]!;
    const description = text(error.description);
    errors[type] = description === undefined ? { code: error.code } : { code: error.code, description };
  }

  const definitions: DocsFile['definitions'] = {};
  for (const entry of entries) {
    const args: Record<string, string> = {};
    for (const argument of entry.arguments) {
      const description = text(argument.comment);
      if (description !== undefined) args[argument.name] = description;
    }
    const id = (entry.id >>> 0).toString(16).padStart(8, '0');
    const description = text(entry.comment);
    const definition: DocsDefinition =
      description === undefined ? { id, arguments: args } : { id, description, arguments: args };
    if (entry.available !== undefined) definition.available = entry.available;
    const methodErrors = methodErrorsOf(entry, sources.errors, text);
    if (methodErrors.length > 0) definition.errors = methodErrors;
    if (Object.hasOwn(definitions, entry.name)) throw new Error(`${entry.name} is defined twice`);
    definitions[entry.name] = definition;
  }

  const types: DocsFile['types'] = {};
  for (const name of Object.keys(sources.api.u).sort()) {
    const description = text(sources.api.u[name]);
    if (description !== undefined) types[name] = description;
  }
  return { layer: sources.api.l, notice: DOCS_NOTICE, types, definitions, errors };
}

/**
 * The method page's table (its code and text, which can differ from the error table's: one error can
 * be a 400 from one method and a 406 from another) joined with the errors `raw-errors.json` lists
 * for the method beyond it (`AUTH_KEY_UNREGISTERED`, …), by type.
 */
function methodErrorsOf(
  entry: MtcuteEntry,
  table: MtcuteErrors,
  text: (value: string | undefined) => string | undefined,
): DocsMethodError[] {
  if (entry.kind !== 'method') return [];
  const byType = new Map<string, DocsMethodError>();
  const add = (type: string, code: number | undefined, description: string | undefined) => {
    if (byType.has(type)) return;
    const known = table.errors[type];
    const error: DocsMethodError = { type };
    if (code !== undefined && code !== known?.code) error.code = code;
    if (description !== undefined && description !== text(known?.description))
      error.description = description;
    if (known === undefined && error.code === undefined) {
      throw new Error(`${entry.name} lists ${type}, which the error table lacks and gives no code for`);
    }
    byType.set(type, error);
  };
  for (const error of entry.throws ?? []) add(error.name, error.code, text(error.comment));
  for (const type of table.throws[entry.name] ?? []) add(type, undefined, undefined);
  return [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** mtcute's class name of each entry (`RawMessageMediaDocument`, `messages.RawStartBotRequest`). */
function mtcuteLinkTargets(entries: readonly MtcuteEntry[]): Map<string, { page: string; name: string }> {
  const targets = new Map<string, { page: string; name: string }>();
  for (const entry of entries) {
    const dot = entry.name.lastIndexOf('.');
    const namespace = entry.name.slice(0, dot + 1);
    const local = entry.name.slice(dot + 1).replace(/_([A-Za-z])/g, (_, c: string) => c.toUpperCase());
    const method = entry.kind === 'method';
    const raw = `${namespace}Raw${local.charAt(0).toUpperCase()}${local.slice(1)}${method ? 'Request' : ''}`;
    targets.set(raw, { page: method ? 'method' : 'constructor', name: entry.name });
  }
  return targets;
}

function undoMtcuteLinks(text: string, targets: ReadonlyMap<string, { page: string; name: string }>): string {
  return text.replace(/\{@link ([^}\s]+)\}/g, (_whole, raw: string) => {
    const target = targets.get(raw);
    if (target === undefined) throw new Error(`no entry is mtcute's ${raw} (in ${JSON.stringify(text)})`);
    return `<a href="https://core.telegram.org/${target.page}/${target.name}">${target.name}</a>`;
  });
}

/**
 * The file's text: a JSON object whose types, definitions and errors stand one to a line, so that a
 * diff after a layer bump shows each definition that changed.
 */
export function docsJsonText(docs: DocsFile): string {
  const section = (name: string, entries: Record<string, unknown>, last: boolean): string[] => {
    const keys = Object.keys(entries);
    return [
      `  ${JSON.stringify(name)}: {`,
      ...keys.map(
        (key, i) =>
          `    ${JSON.stringify(key)}: ${JSON.stringify(entries[key])}${i < keys.length - 1 ? ',' : ''}`,
      ),
      `  }${last ? '' : ','}`,
    ];
  };
  return `${[
    '{',
    `  "layer": ${docs.layer},`,
    `  "notice": ${JSON.stringify(docs.notice)},`,
    ...section('types', docs.types, false),
    ...section('definitions', docs.definitions, false),
    ...section('errors', docs.errors, true),
    '}',
  ].join('\n')}\n`;
}

function main(args: readonly string[]): number {
  const folders = args[0] === '--' ? args.slice(1) : args;
  if (folders.length !== 1 || folders[0]!.startsWith('-')) {
    console.error(
      'usage: npm run docs:vendor -- <folder with api-schema.json, mtp-schema.json, raw-errors.json>',
    );
    return 2;
  }
  const docs = convertDocs(readDocsSources(folders[0]!));
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const out = join(root, 'schema', 'docs', `layer${docs.layer}.json`);
  writeFileSync(out, docsJsonText(docs));
  const definitions = Object.values(docs.definitions);
  console.log(
    `${relative(root, out)}: layer ${docs.layer}, ${definitions.length} definitions ` +
      `(${definitions.filter((d) => d.description !== undefined).length} described), ` +
      `${Object.keys(docs.types).length} types, ${Object.keys(docs.errors).length} errors, ` +
      `${definitions.filter((d) => d.errors !== undefined).length} methods with errors`,
  );
  return 0;
}

if (isEntryModule(import.meta.url, process.argv[1])) process.exitCode = main(process.argv.slice(2));
