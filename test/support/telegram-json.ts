// TL text to Telegram's JSON form of a schema, as core.telegram.org/schema/json writes it: ids as
// signed decimal strings, param types as TL text, no `{X:Type}` params, the builtin `vector` with no
// params, the primitive declarations (`int ? = Int;`) left out. Tests load the result next to the TL
// it came from. A declaration written without an id gets none (Telegram's files always have one; the
// reader computes a missing id as the TL parser does), so the round trip changes nothing.

import type { ParsedSchema, TlArgument, TlTypeExpr } from '../../packages/codegen/src/parser/declaration.ts';

export interface TelegramJsonParam {
  name: string;
  type: string;
}

export interface TelegramJsonEntry {
  id?: string;
  predicate?: string;
  method?: string;
  params: TelegramJsonParam[];
  type: string;
}

export interface TelegramJsonSchema {
  constructors: TelegramJsonEntry[];
  methods: TelegramJsonEntry[];
  layer?: number;
}

export interface TelegramJsonOptions {
  /** Keep `{X:Type}` as a param `{ "name": "X", "type": "Type" }` (a variant some writers produce). */
  typeParamsAsParams?: boolean;
}

export function toTelegramJson(parsed: ParsedSchema, options: TelegramJsonOptions = {}): TelegramJsonSchema {
  const schema: TelegramJsonSchema = { constructors: [], methods: [] };
  for (const declaration of parsed.declarations) {
    const builtinVector = declaration.name === 'vector' && declaration.kind === 'constructor';
    const usesRepetition = declaration.args.some((arg) => arg.kind === 'repetition');
    if (declaration.primitive || (usesRepetition && !builtinVector)) continue;
    const params = builtinVector ? [] : declaration.args.flatMap((arg) => param(arg, options));
    const result = declaration.source.slice(declaration.source.lastIndexOf('=') + 1).trim();
    const entry: TelegramJsonEntry =
      declaration.kind === 'constructor'
        ? { predicate: declaration.name, params, type: result }
        : { method: declaration.name, params, type: result };
    const withId = declaration.id === undefined ? entry : { id: String(declaration.id | 0), ...entry };
    (declaration.kind === 'constructor' ? schema.constructors : schema.methods).push(withId);
  }
  if (parsed.layer !== undefined) schema.layer = parsed.layer;
  return schema;
}

function param(arg: TlArgument, options: TelegramJsonOptions): TelegramJsonParam[] {
  switch (arg.kind) {
    case 'typeParam':
      return options.typeParamsAsParams ? [{ name: arg.name, type: typeText(arg.type) }] : [];
    case 'field': {
      const condition = arg.condition ? `${arg.condition.flagsField}.${arg.condition.bit}?` : '';
      return [{ name: arg.name, type: `${condition}${typeText(arg.type)}` }];
    }
    case 'repetition':
      throw new Error('only the builtin vector repeats, and it is written with no params');
  }
}

function typeText(type: TlTypeExpr): string {
  const head = (type.bare ? '%' : '') + (type.bang ? '!' : '') + type.name;
  return type.args.length === 0 ? head : `${head}<${type.args.map(typeText).join(' ')}>`;
}
