// One class per constructor and per function, as TypeScript text (a string statement inside the
// namespace structures ts-morph prints): statics (also on the prototype), fields in wire order, the
// constructor, `serialize`, `_write` (and `_writeBare` when the constructor is used bare),
// `readResult` for functions, `fromReader`. `toJSON` and `fromJson` are the runtime's, installed by
// `defineTlClass` from the class's TL description, and only declared here. Text rather than member
// structures: ts-morph would create a writer per member, which made printing the largest cost of
// generation.

import type { TlTypeRef } from '../model/schema-model.ts';
import { CodeLines, hexLiteral, quote } from './code-lines.ts';
import { classDocLines, type DocsContext, fieldDocLines, requestErrorsText } from './definition-docs.ts';
import { definitionPlan } from './emit-diagnostics.ts';
import { TlEmitError } from './emit-error.ts';
import type { DefinitionPlan, PlannedField } from './field-plan.ts';
import { jsonDescription } from './json-description.ts';
import type { LongRepresentation } from './long-representation.ts';
import { DECODING, readMethodBody } from './read-method.ts';
import type { DefinitionSymbol, SchemaSymbols } from './schema-symbols.ts';
import { convertInput, inputTypeText, valueTypeText } from './type-text.ts';
import { writeMethodBody } from './write-method.ts';

/** A method as its signature line (without the brace) and its body statements. */
interface MethodText {
  signature: string;
  body: string;
}

export interface ClassContext {
  symbols: SchemaSymbols;
  long: LongRepresentation;
  /** The generated module the class is declared in. */
  module: string;
  /** With `--docs`: descriptions, results, callers and errors go into the JSDoc. */
  docs?: DocsContext;
}

/**
 * The class of one definition, declared under a file-local name (`StartBot$`) and exported as a
 * constant that `defineTlClass` returns (marked pure: a bundler drops the class and its statics when
 * nothing uses the constant), plus a type of the exported name for the instances. The interface of the
 * same name types the `toJSON` the runtime puts on the prototype as a method, as a class would have it.
 */
export function definitionClass(symbol: DefinitionSymbol, context: ClassContext): string {
  const { definition } = symbol;
  const { symbols } = context;
  const plan = definitionPlan(symbols, symbol);
  const classType = quote(definition.kind === 'constructor' ? 'constructor' : 'request');
  const id = hexLiteral(definition.id);
  const subclassId = hexLiteral(symbols.subclassId(definition));
  const className = quote(symbol.qualifiedClassName);
  const local = localClassName(symbol);
  const doc = classDocLines(symbol, context.docs);
  // The description of each stored field, above its declaration and its constructor argument.
  const argDocs = plan.stored.map((planned) => fieldDocLines(symbol, planned, context.docs, undefined));
  const c = new CodeLines();
  for (const line of doc) c.line(line);
  const typeNames = definition.typeParams.map((name) => symbols.typeParameter(name));
  const typeParameters = typeNames.map((name) => `${name} extends TlRequest<unknown> = TlRequest<unknown>`);
  const generics = typeParameters.length === 0 ? '' : `<${typeParameters.join(', ')}>`;
  c.block(`class ${local}${generics}`, () => {
    // Every member is `declare`d: the statics are defined once by `defineTlClass` (on the class and
    // its prototype), and so is `fromJson` (on the class), the fields by the constructor in wire
    // order. No class-field initializers run.
    for (const modifiers of ['declare static readonly', 'declare readonly']) {
      c.line(`${modifiers} CONSTRUCTOR_ID: ${id};`);
      c.line(`${modifiers} SUBCLASS_OF_ID: ${subclassId};`);
      c.line(`${modifiers} className: ${className};`);
      c.line(`${modifiers} classType: ${classType};`);
    }
    c.line(`declare static fromJson: (json: unknown, classes?: TlJsonClasses) => ${local};`);
    plan.stored.forEach((planned, i) => {
      const type = valueTypeText(planned.type, context.symbols, context.long);
      const note = fieldDocs[planned.role];
      const docLines = note === undefined ? argDocs[i]! : fieldDocLines(symbol, planned, context.docs, note);
      for (const line of docLines) c.line(line);
      c.line(`declare ${planned.jsName}: ${isOptionalArg(planned) ? `${type} | undefined` : type};`);
    });
    for (const method of classMethods(symbol, plan, context, argDocs)) {
      c.line('');
      c.block(method.signature, () => {
        for (const line of method.body.split('\n')) c.line(line);
      });
    }
  });
  c.line('');
  c.block(`interface ${local}${generics}`, () => c.line('toJSON(): TlJsonObject;'));
  c.line('');
  for (const line of doc) c.line(line);
  const description = quote(jsonDescription(symbol, plan));
  c.line(
    `export const ${symbol.className}: typeof ${local} = /*@__PURE__*/ defineTlClass(${local}, ${id}, ${subclassId}, ${className}, ${classType}, ${description});`,
  );
  const names = typeNames.length === 0 ? '' : `<${typeNames.join(', ')}>`;
  c.line(`export type ${symbol.className}${generics} = ${local}${names};`);
  const errors = requestErrorsText(symbol, context.docs);
  if (errors !== undefined) c.line(errors);
  return c.toString();
}

/** The class declaration's own name inside its file; the file exports it as `symbol.className`. */
export function localClassName(symbol: DefinitionSymbol): string {
  return `${symbol.className}$`;
}

function classMethods(
  symbol: DefinitionSymbol,
  plan: DefinitionPlan,
  context: ClassContext,
  argDocs: readonly string[][],
): MethodText[] {
  const { definition } = symbol;
  const methods: MethodText[] = [];
  if (plan.stored.length > 0) methods.push(constructorMethod(symbol, plan, context, argDocs));
  methods.push({ signature: 'serialize(): Uint8Array', body: 'return serializeObject(this);' });
  if (context.symbols.bareConstructors.has(definition.name)) {
    methods.push({
      signature: '_write(w: TlWriter): void',
      body: `w.uint(${hexLiteral(definition.id)});\nthis._writeBare(w);`,
    });
    methods.push({
      signature: '_writeBare(w: TlWriter): void',
      body: writeMethodBody(definition.id, plan, definition.flagGroups, false, context),
    });
  } else {
    methods.push({
      signature: '_write(w: TlWriter): void',
      body: writeMethodBody(definition.id, plan, definition.flagGroups, true, context),
    });
  }
  if (definition.kind === 'function')
    methods.push(readResultMethod(definition.result, plan, symbol, context));
  methods.push({
    // A class without fields reads nothing: `_r` keeps noUnusedParameters quiet.
    signature: `static fromReader(${plan.fields.length === 0 ? '_r' : 'r'}: TlReader): ${localClassName(symbol)}`,
    body: readMethodBody(definition.name, localClassName(symbol), plan, context),
  });
  return methods;
}

/** What the service fields hold, where the TL line alone does not say. */
const fieldDocs: Partial<Record<PlannedField['role'], string>> = {
  'body-length': "The body's length in bytes: computed on write when left out; when given it must match.",
  'raw-rest': 'The serialized result, kept raw: decode it with `request.readResult(result)`.',
};

/** Conditional fields (and `message.bytes`, computed on write) may be left out. */
function isOptionalArg(planned: PlannedField): boolean {
  return planned.condition !== undefined || planned.role === 'body-length';
}

function constructorMethod(
  symbol: DefinitionSymbol,
  plan: DefinitionPlan,
  context: ClassContext,
  argDocs: readonly string[][],
): MethodText {
  const members = plan.stored.map((planned) => {
    const type = inputTypeText(planned.type, context.symbols, context.long);
    return isOptionalArg(planned) ? `${planned.jsName}?: ${type} | undefined` : `${planned.jsName}: ${type}`;
  });
  const defaultArgs = plan.stored.every(isOptionalArg) ? ' = {}' : '';
  // Documented arguments: one member per line under its description, which an editor shows where
  // the argument object is written.
  const argsType = argDocs.some((lines) => lines.length > 0)
    ? `{\n${members.flatMap((member, i) => [...argDocs[i]!, `${member};`].map((line) => `  ${line}`)).join('\n')}\n}`
    : `{ ${members.join('; ')} }`;
  const body = new CodeLines();
  // Readers create instances with this token and assign the fields themselves, in this same order.
  body.line(`if (args === ${DECODING}) return;`);
  body.line(`constructorArgs(args, ${quote(symbol.qualifiedClassName)});`);
  for (const planned of plan.stored) {
    const arg = `args.${planned.jsName}`;
    let value = convertInput(planned.type, arg, context.long);
    if (value !== arg && isOptionalArg(planned)) value = `${arg} == null ? undefined : ${value}`;
    body.line(`this.${planned.jsName} = ${value};`);
  }
  return { signature: `constructor(args: ${argsType}${defaultArgs})`, body: body.toString() };
}

function readResultMethod(
  result: TlTypeRef,
  plan: DefinitionPlan,
  symbol: DefinitionSymbol,
  context: ClassContext,
): MethodText {
  const parameters = 'bytes: Uint8Array, options?: TlReaderOptions';
  if (result.kind === 'typeVar') {
    const query = plan.stored.find((f) => f.type.kind === 'typeVar' && f.type.name === result.name);
    if (query === undefined) {
      throw new TlEmitError(
        'unsupported-definition',
        `${symbol.definition.name} returns ${result.name} but has no !${result.name} argument to read it with`,
        symbol.definition.position,
      );
    }
    const typeName = context.symbols.typeParameter(result.name);
    return {
      signature: `readResult(${parameters}): ResultOf<${typeName}>`,
      body: `return this.${query.jsName}.readResult(bytes, options) as ResultOf<${typeName}>;`,
    };
  }
  return {
    signature: `readResult(${parameters}): ${valueTypeText(result, context.symbols, context.long)}`,
    // An `rpc_error` answer is thrown as an RpcError naming the method before the result type is read.
    body: `checkRpcError(bytes, ${quote(symbol.definition.name)}, options);\nreturn readBoxed(bytes, ${context.symbols.resultRegistry(result)}, options, ${context.symbols.resultReader(result)});`,
  };
}
