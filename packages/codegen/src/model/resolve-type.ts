// Turns a written type (`Vector<%Message>`, `!X`, `future_salt`) into a `TlTypeRef`, reporting
// every name that the schema does not define. Undefined names still yield a reference, so one
// run reports every use instead of stopping at the first.

import type { TlTypeExpr } from '../parser/declaration.ts';
import { TlSchemaError } from '../parser/schema-error.ts';
import { primitiveTypes } from './builtins.ts';
import type { TlBoxedType, TlConstructor, TlTypeRef } from './schema-model.ts';

/** Where a type stands decides what it may be (`#` only as a plain field, `true` only under a flag). */
export type TypePlace = 'field' | 'conditional' | 'element' | 'result';

export interface TypeScope {
  constructorsByName: ReadonlyMap<string, TlConstructor>;
  typesByName: ReadonlyMap<string, TlBoxedType>;
  /** `{X:Type}` parameters of the declaration being resolved. */
  typeParams: ReadonlySet<string>;
  /** Names that the declaration's file moved into its clash namespace (written name -> model name). */
  scopedNames: ReadonlyMap<string, string>;
  diagnostics: TlSchemaError[];
}

/** A type name is bare when its last segment starts lower-case (`future_salt`, `help.foo`). */
export function isBareName(name: string): boolean {
  const c = name.charCodeAt(name.lastIndexOf('.') + 1);
  return !(c >= 65 && c <= 90);
}

export function resolveType(expr: TlTypeExpr, place: TypePlace, scope: TypeScope): TlTypeRef {
  const name = scope.scopedNames.get(expr.name) ?? expr.name;

  if (name === '#') {
    if (place === 'conditional')
      report(scope, expr, 'conditional-flags-field', 'a `#` flags field cannot itself be conditional');
    else if (place !== 'field')
      report(scope, expr, 'misplaced-nat', '`#` may only be the type of a whole field');
    return { kind: 'flags' };
  }
  if (expr.bang || (scope.typeParams.has(name) && !expr.bare)) {
    if (!scope.typeParams.has(name))
      report(
        scope,
        expr,
        'undeclared-type-var',
        `\`!${name}\` needs a type parameter \`{${name}:Type}\` in this declaration`,
      );
    if (expr.args.length > 0)
      report(scope, expr, 'type-arity', `the type variable \`${name}\` takes no type arguments`);
    return { kind: 'typeVar', name, bang: expr.bang };
  }
  if (name === 'Vector' || name === 'vector') {
    const boxed = name === 'Vector' && !expr.bare;
    if (expr.args.length !== 1) {
      report(
        scope,
        expr,
        'type-arity',
        `\`${name}\` takes exactly one type argument, found ${expr.args.length}`,
      );
      if (expr.args.length === 0) return { kind: 'vector', boxed, element: { kind: 'object' } };
    }
    return { kind: 'vector', boxed, element: resolveType(expr.args[0], 'element', scope) };
  }
  if (expr.args.length > 0) report(scope, expr, 'type-arity', `\`${name}\` takes no type arguments`);

  const primitive = primitiveTypes.get(name);
  if (primitive) return { ...primitive };
  switch (name) {
    case 'Bool':
      if (expr.bare)
        report(scope, expr, 'bare-multi-constructor', '`%Bool` names no single constructor: Bool has two');
      return { kind: 'Bool' };
    case 'true':
      if (place !== 'conditional')
        report(
          scope,
          expr,
          'true-outside-flags',
          '`true` carries no data; it only makes sense as `flags.N?true`',
          'warning',
        );
      return { kind: 'true' };
    case 'Object':
      if (expr.bare) report(scope, expr, 'bare-multi-constructor', '`%Object` names no single constructor');
      return { kind: 'object' };
  }

  if (isBareName(name)) {
    if (!scope.constructorsByName.has(name))
      report(scope, expr, 'undefined-type', `bare type \`${name}\` is not a constructor of this schema`);
    return { kind: 'bare', constructor: name };
  }
  const type = scope.typesByName.get(name);
  if (!type) {
    report(scope, expr, 'undefined-type', `type \`${name}\` is not defined by any constructor`);
    return expr.bare ? { kind: 'bare', constructor: name } : { kind: 'boxed', type: name };
  }
  if (!expr.bare) return { kind: 'boxed', type: name };
  if (type.constructors.length !== 1) {
    report(
      scope,
      expr,
      'bare-multi-constructor',
      `\`%${name}\` needs a type with exactly one constructor; ${name} has ${type.constructors.length} (${type.constructors.join(', ')})`,
    );
  }
  return { kind: 'bare', constructor: type.constructors[0] };
}

function report(
  scope: TypeScope,
  expr: TlTypeExpr,
  kind: TlSchemaError['kind'],
  detail: string,
  severity: 'error' | 'warning' = 'error',
): void {
  scope.diagnostics.push(new TlSchemaError(kind, expr.position, detail, renderExpr(expr), severity));
}

function renderExpr(expr: TlTypeExpr): string {
  const head = (expr.bare ? '%' : '') + (expr.bang ? '!' : '') + expr.name;
  return expr.args.length === 0 ? head : `${head}<${expr.args.map(renderExpr).join(' ')}>`;
}
