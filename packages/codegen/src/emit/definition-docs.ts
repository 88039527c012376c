// The JSDoc of a generated class, its fields and its constructor's arguments: the TL line always; with
// `--docs`, the description, and for a method its result, who may call it, the RPC errors it may
// return and the type `Errors` of those errors (a namespace merged with the class: comments and
// types only, nothing of it is left in the JavaScript).

import { type DefinitionDocs, definitionDocs, type SchemaDocs } from '../model/schema-docs.ts';
import type { TlDefinition, TlTypeRef } from '../model/schema-model.ts';
import { docCommentLines } from './doc-comment.ts';
import { codeSpan, type DocLinks, docMarkdown } from './doc-markdown.ts';
import { rpcErrorTypeName } from './errors-module.ts';
import type { PlannedField } from './field-plan.ts';
import type { DefinitionSymbol, SchemaSymbols } from './schema-symbols.ts';
import { tlTypeText } from './type-text.ts';

/** The docs of a schema and how their links reach the generated classes. */
export interface DocsContext {
  docs: SchemaDocs;
  links: DocLinks;
  /** `docMarkdown` with these links: a text met again (an argument, a common error) is converted once. */
  markdown(html: string, page: string): string;
  /** An error's description as one line of Markdown (`%d` written `X`), converted once per text. */
  errorDescription(html: string, page: string): string;
}

export function docsContext(docs: SchemaDocs, symbols: SchemaSymbols): DocsContext {
  const links: DocLinks = {
    definition: (name) => symbols.definitions.get(name)?.classRef,
    type: (name) => symbols.boxedTypes.get(name)?.unionRef,
  };
  const converted: TextCache = new Map();
  const errorsConverted: TextCache = new Map();
  const markdown = (html: string, page: string) =>
    cached(converted, html, page, () => docMarkdown(html, links, page));
  return {
    docs,
    links,
    markdown,
    errorDescription: (html, page) =>
      cached(errorsConverted, html, page, () =>
        markdown(html.replaceAll('%d', 'X'), page).replace(/\n+/g, ' '),
      ),
  };
}

/** Converted texts by their HTML, then by page for those with `#` (see `cached`). */
type TextCache = Map<string, string | Map<string, string>>;

/**
 * `convert()` of `html` on `page`, kept in `cache`. The page only resolves `#anchor` links: a text
 * without `#` reads the same on every page. No key is built: V8 keeps the hash of a string it has
 * hashed, and these are the docs' own strings.
 */
function cached(cache: TextCache, html: string, page: string, convert: () => string): string {
  let known = cache.get(html);
  if (known === undefined) {
    known = html.includes('#') ? new Map<string, string>() : convert();
    cache.set(html, known);
  }
  if (typeof known === 'string') return known;
  let text = known.get(page);
  if (text === undefined) {
    text = convert();
    known.set(page, text);
  }
  return text;
}

const SITE = 'https://core.telegram.org';

/** The page of a definition or type on core.telegram.org. */
export function pageUrl(kind: 'constructor' | 'method' | 'type', name: string): string {
  return `${SITE}/${kind}/${name}`;
}

function definitionPage(definition: TlDefinition): string {
  return pageUrl(definition.kind === 'function' ? 'method' : 'constructor', definition.name);
}

/** The comment of a definition's class and of the constant it is exported as. */
export function classDocLines(symbol: DefinitionSymbol, context: DocsContext | undefined): string[] {
  const { definition } = symbol;
  const line = codeSpan(definition.source);
  const docs = context === undefined ? undefined : definitionDocs(context.docs, definition);
  if (context === undefined || docs === undefined) return docCommentLines({ paragraphs: [line] });
  const page = definitionPage(definition);
  const paragraphs = [docs.description === undefined ? '' : context.markdown(docs.description, page), line];
  if (definition.kind === 'function') {
    paragraphs.push(`Result: ${resultText(definition.result, definition, context.links)}`);
    paragraphs.push(availabilityText(docs));
    paragraphs.push(errorsText(docs, context, page));
  }
  return docCommentLines({ paragraphs, tags: [`@see ${page}`] });
}

/** The comment of a stored field and of its constructor argument: the argument's description. */
export function fieldDocLines(
  symbol: DefinitionSymbol,
  planned: PlannedField,
  context: DocsContext | undefined,
  serviceNote: string | undefined,
): string[] {
  const docs = context === undefined ? undefined : definitionDocs(context.docs, symbol.definition);
  const description = docs?.arguments.get(planned.field.name);
  const paragraphs: string[] = [];
  if (context !== undefined && description !== undefined) {
    paragraphs.push(context.markdown(description, definitionPage(symbol.definition)));
  }
  if (serviceNote !== undefined) paragraphs.push(serviceNote);
  return docCommentLines({ paragraphs });
}

/**
 * `export declare namespace StartBot { export type Errors = 'BOT_INVALID' | …; }` for a method whose
 * errors the docs list: `Api.messages.StartBot.Errors`. A type-only namespace merges with the exported
 * constant and type of the same name and is erased (it is `declare`d: erasable syntax).
 */
export function requestErrorsText(
  symbol: DefinitionSymbol,
  context: DocsContext | undefined,
): string | undefined {
  if (context === undefined || symbol.definition.kind !== 'function') return undefined;
  const docs = definitionDocs(context.docs, symbol.definition);
  if (docs === undefined || docs.errors.length === 0) return undefined;
  const types = [...new Set(docs.errors.map((error) => rpcErrorTypeName(error.type)))].sort();
  const layer = context.docs.layer === undefined ? '' : ` of layer ${context.docs.layer}`;
  const doc = docCommentLines({
    paragraphs: [
      `The types of the RPC errors ${codeSpan(symbol.definition.name)} may return, as the error tables${layer} ` +
        'list them: `RpcError.is(error, type)` tells them apart.',
    ],
  });
  return [
    '',
    ...doc,
    `export declare namespace ${symbol.className} {`,
    '  export type Errors =',
    ...types.map((type, i) => `    | '${type}'${i === types.length - 1 ? ';' : ''}`),
    '}',
  ].join('\n');
}

/** `{@link Api.TypeUpdates}`, `` `Vector<User>` of {@link Api.TypeUser} ``, `` `Bool` ``. */
function resultText(result: TlTypeRef, definition: TlDefinition, links: DocLinks): string {
  if (result.kind === 'typeVar') {
    const query = definition.fields.find((f) => f.type.kind === 'typeVar' && f.type.name === result.name);
    return query === undefined ? codeSpan(result.name) : `the result of the wrapped ${codeSpan(query.name)}`;
  }
  const link = (type: TlTypeRef): string | undefined =>
    type.kind === 'boxed'
      ? links.type(type.type)
      : type.kind === 'bare'
        ? links.definition(type.constructor)
        : undefined;
  const direct = link(result);
  if (direct !== undefined) return `{@link ${direct}}`;
  let element: TlTypeRef = result;
  while (element.kind === 'vector') element = element.element;
  const inner = element === result ? undefined : link(element);
  return inner === undefined
    ? codeSpan(tlTypeText(result))
    : `${codeSpan(tlTypeText(result))} of {@link ${inner}}`;
}

function availabilityText(docs: DefinitionDocs): string {
  switch (docs.available) {
    case 'user':
      return 'Users only: bots cannot call this method.';
    case 'bot':
      return 'Bots only: users cannot call this method.';
    case 'both':
      return 'Users and bots can call this method.';
    default:
      return '';
  }
}

/** `Errors:` and one `- 400 \`BOT_INVALID\`: This is not a valid bot.` line per error, by code and type. */
function errorsText(docs: DefinitionDocs, context: DocsContext, page: string): string {
  if (docs.errors.length === 0) return '';
  const errors = [...docs.errors].sort(
    (a, b) => a.code - b.code || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
  const lines = errors.map((error) => {
    const type = codeSpan(rpcErrorTypeName(error.type));
    const description =
      error.description === undefined ? '' : `: ${context.errorDescription(error.description, page)}`;
    return `- ${error.code} ${type}${description}`;
  });
  return ['Errors:', ...lines].join('\n');
}

/** The comment of a boxed type's union: its description and page with `--docs`. */
export function unionDocLines(typeName: string, context: DocsContext | undefined): string[] {
  const union = `Any constructor of ${codeSpan(typeName)}, discriminated by \`className\`.`;
  const description = context?.docs.types.get(typeName);
  if (context === undefined || description === undefined) return docCommentLines({ paragraphs: [union] });
  const page = pageUrl('type', typeName);
  return docCommentLines({
    paragraphs: [context.markdown(description, page), union],
    tags: [`@see ${page}`],
  });
}
