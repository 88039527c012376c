// A resolved type written back as TL text (`Vector<InputUser>`, `flags.3?string`), for reports
// that show a model to people: the schema diff. Two refs are the same type exactly when their
// texts are equal.

import type { FlagCondition, TlField, TlTypeRef } from './schema-model.ts';

export function typeRefText(type: TlTypeRef): string {
  switch (type.kind) {
    case 'flags':
      return '#';
    case 'vector':
      return `${type.boxed ? 'Vector' : 'vector'}<${typeRefText(type.element)}>`;
    case 'boxed':
      return type.type;
    case 'bare':
      // A bare constructor is written by its (lower-case) name, as in `vector<future_salt>`.
      return type.constructor;
    case 'object':
      return 'Object';
    case 'typeVar':
      return type.bang ? `!${type.name}` : type.name;
    case 'int':
    case 'long':
    case 'double':
    case 'int128':
    case 'int256':
    case 'string':
    case 'bytes':
    case 'Bool':
    case 'true':
      return type.kind;
  }
}

/** `flags.3` or `flags2.0`. */
export function flagConditionText(condition: FlagCondition): string {
  return `${condition.flagsField}.${condition.bit}`;
}

/** The field's type as declared after the colon: `flags.3?string`, `Vector<long>`. */
export function fieldTypeText(field: TlField): string {
  const type = typeRefText(field.type);
  return field.condition === undefined ? type : `${flagConditionText(field.condition)}?${type}`;
}
