// One class per constructor and per function, as a ts-morph structure whose method bodies are text:
// statics (also on the prototype), fields in wire order, the constructor, `serialize`, `_write`
// (and `_writeBare` when the constructor is used bare), `readResult` for functions, `fromReader`.

import {
  type ClassDeclarationStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type PropertyDeclarationStructure,
  StructureKind,
} from 'ts-morph';
import { crc32 } from '../crc32.ts';
import type { TlDefinition, TlTypeRef } from '../model/schema-model.ts';
import { CodeLines, hexLiteral, quote } from './code-lines.ts';
import { TlEmitError } from './emit-error.ts';
import { type DefinitionPlan, type PlannedField, planDefinition } from './field-plan.ts';
import type { LongRepresentation } from './long-representation.ts';
import { readMethodBody } from './read-method.ts';
import type { DefinitionSymbol, SchemaSymbols } from './schema-symbols.ts';
import { convertInput, inputTypeText, tlTypeText, valueTypeText } from './type-text.ts';
import { writeMethodBody } from './write-method.ts';

export interface ClassContext {
  symbols: SchemaSymbols;
  long: LongRepresentation;
}

/** The result type as the declaration writes it (`Updates`, `Vector<long>`, `X`): GramJS hashes this text. */
export function resultTypeText(definition: TlDefinition): string {
  const source = definition.source.replace(/;\s*$/, '');
  const equals = source.lastIndexOf('=');
  if (equals < 0) return definition.kind === 'constructor' ? definition.type : tlTypeText(definition.result);
  return source.slice(equals + 1).trim();
}

export function definitionClass(symbol: DefinitionSymbol, context: ClassContext): ClassDeclarationStructure {
  const { definition } = symbol;
  const plan = planDefinition(definition, symbol.className, context.symbols.moduleIdentifiers);
  const classType = definition.kind === 'constructor' ? 'constructor' : 'request';
  const id = hexLiteral(definition.id);
  const subclassId = hexLiteral(crc32(resultTypeText(definition)));
  // Every member is `declare`d: the statics are defined once by `defineTlClass` (on the class and
  // its prototype), the fields by the constructor in wire order. No class-field initializers run.
  const properties: OptionalKind<PropertyDeclarationStructure>[] = [];
  for (const isStatic of [true, false]) {
    properties.push(
      { name: 'CONSTRUCTOR_ID', isStatic, hasDeclareKeyword: true, isReadonly: true, type: id },
      { name: 'SUBCLASS_OF_ID', isStatic, hasDeclareKeyword: true, isReadonly: true, type: subclassId },
      {
        name: 'className',
        isStatic,
        hasDeclareKeyword: true,
        isReadonly: true,
        type: quote(symbol.qualifiedClassName),
      },
      { name: 'classType', isStatic, hasDeclareKeyword: true, isReadonly: true, type: quote(classType) },
    );
  }
  for (const planned of plan.stored) {
    const type = valueTypeText(planned.type, context.symbols, context.long);
    properties.push({
      name: planned.jsName,
      hasDeclareKeyword: true,
      type: isOptionalArg(planned) ? `${type} | undefined` : type,
      docs: fieldDocs[planned.role] === undefined ? undefined : [fieldDocs[planned.role]!],
    });
  }

  const methods: OptionalKind<MethodDeclarationStructure>[] = [
    { name: 'serialize', returnType: 'Uint8Array', statements: 'return serializeObject(this);' },
  ];
  const isBare = context.symbols.bareConstructors.has(definition.name);
  const writeContext = { symbols: context.symbols, long: context.long };
  if (isBare) {
    methods.push({
      name: '_write',
      parameters: [{ name: 'w', type: 'TlWriter' }],
      returnType: 'void',
      statements: `w.uint(${id});\nthis._writeBare(w);`,
    });
    methods.push({
      name: '_writeBare',
      parameters: [{ name: 'w', type: 'TlWriter' }],
      returnType: 'void',
      statements: writeMethodBody(definition.id, plan, definition.flagGroups, false, writeContext),
    });
  } else {
    methods.push({
      name: '_write',
      parameters: [{ name: 'w', type: 'TlWriter' }],
      returnType: 'void',
      statements: writeMethodBody(definition.id, plan, definition.flagGroups, true, writeContext),
    });
  }
  if (definition.kind === 'function')
    methods.push(readResultMethod(definition.result, plan, symbol, context));
  methods.push({
    name: 'fromReader',
    isStatic: true,
    parameters: [{ name: 'r', type: 'TlReader' }],
    returnType: symbol.className,
    statements: readMethodBody(definition.name, symbol.className, plan, writeContext),
  });

  return {
    kind: StructureKind.Class,
    name: symbol.className,
    isExported: true,
    docs: [classDoc(definition)],
    typeParameters: definition.typeParams.map((name) => ({
      name,
      constraint: 'TlRequest<unknown>',
      default: 'TlRequest<unknown>',
    })),
    properties,
    ctors: plan.stored.length === 0 ? [] : [constructorStructure(plan, context)],
    methods,
  };
}

/** What the service fields hold, where the TL line alone does not say. */
const fieldDocs: Partial<Record<PlannedField['role'], string>> = {
  'body-length': "The body's length in bytes: computed on write when left out; when given it must match.",
  'raw-rest': 'The serialized result, kept raw: decode it with `request.readResult(result)`.',
};

/** The statement after the class: its statics, on the class and on the prototype. */
export function defineClassStatement(symbol: DefinitionSymbol): string {
  const { definition } = symbol;
  const classType = definition.kind === 'constructor' ? 'constructor' : 'request';
  const subclassId = hexLiteral(crc32(resultTypeText(definition)));
  return `defineTlClass(${symbol.className}, ${hexLiteral(definition.id)}, ${subclassId}, ${quote(symbol.qualifiedClassName)}, ${quote(classType)});`;
}

/** Conditional fields (and `message.bytes`, computed on write) may be left out. */
function isOptionalArg(planned: PlannedField): boolean {
  return planned.condition !== undefined || planned.role === 'body-length';
}

function constructorStructure(plan: DefinitionPlan, context: ClassContext) {
  const members = plan.stored.map((planned) => {
    const type = inputTypeText(planned.type, context.symbols, context.long);
    return `${planned.jsName}${isOptionalArg(planned) ? '?' : ''}: ${type}`;
  });
  const allOptional = plan.stored.every(isOptionalArg);
  const body = new CodeLines();
  for (const planned of plan.stored) {
    const arg = `args.${planned.jsName}`;
    let value = convertInput(planned.type, arg, context.long);
    if (value !== arg && isOptionalArg(planned)) value = `${arg} == null ? undefined : ${value}`;
    body.line(`this.${planned.jsName} = ${value};`);
  }
  return {
    parameters: [
      { name: 'args', type: `{ ${members.join('; ')} }`, initializer: allOptional ? '{}' : undefined },
    ],
    statements: body.toString(),
  };
}

function readResultMethod(
  result: TlTypeRef,
  plan: DefinitionPlan,
  symbol: DefinitionSymbol,
  context: ClassContext,
): OptionalKind<MethodDeclarationStructure> {
  const parameters = [
    { name: 'bytes', type: 'Uint8Array' },
    { name: 'options', type: 'TlReaderOptions', hasQuestionToken: true },
  ];
  if (result.kind === 'typeVar') {
    const query = plan.stored.find((f) => f.type.kind === 'typeVar' && f.type.name === result.name);
    if (query === undefined) {
      throw new TlEmitError(
        'unsupported-definition',
        `${symbol.definition.name} returns ${result.name} but has no !${result.name} argument to read it with`,
        symbol.definition.position,
      );
    }
    return {
      name: 'readResult',
      parameters,
      returnType: `ResultOf<${result.name}>`,
      statements: `return this.${query.jsName}.readResult(bytes, options) as ResultOf<${result.name}>;`,
    };
  }
  return {
    name: 'readResult',
    parameters,
    returnType: valueTypeText(result, context.symbols, context.long),
    statements: `return readBoxed(bytes, registry, options, ${context.symbols.resultReader(result)});`,
  };
}

function classDoc(definition: TlDefinition): string {
  return `\`${definition.source.replace(/\*\//g, '*\\/')}\``;
}
