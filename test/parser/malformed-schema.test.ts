import { describe, expect, it } from 'vitest';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';
import { TlSchemaError } from '../../packages/codegen/src/parser/schema-error.ts';
import { TlError } from '../../packages/runtime/src/errors.ts';

/** Every diagnostic of parsing and resolving `text` as `kind line:column`, warnings marked. */
function problems(text: string): string[] {
  const { diagnostics } = resolveSchema([parseSchema(text, 'bad.tl')]);
  return diagnostics.map(
    (d) => `${d.kind} ${d.line}:${d.column}${d.severity === 'warning' ? ' (warning)' : ''}`,
  );
}

const cases: Array<[string, string, string[]]> = [
  ['a missing `=`', 'foo a:int Foo;', ['missing-equals 1:14']],
  ['a missing `;` at the end of the file', 'a = A;\nfoo x:int = Foo', ['missing-semicolon 2:16']],
  ['a missing `;` before the next line', 'a = A\nb = B;', ['missing-semicolon 1:6']],
  ['a non-hex id', 'foo#12g4 = Foo;', ['invalid-id 1:5']],
  ['a 9-digit id', 'foo#123456789 = Foo;', ['id-too-long 1:5']],
  ['`#` without digits', 'foo# = Foo;', ['invalid-id 1:4']],
  ['an unknown flags field', 'foo flags:# a:flagz.0?int = Foo;', ['unknown-flags-field 1:15']],
  ['a flags field declared after its use', 'foo a:flags.0?int flags:# = Foo;', ['unknown-flags-field 1:7']],
  ['a condition on a non-# field', 'foo n:int a:n.0?int = Foo;', ['unknown-flags-field 1:13']],
  ['flag bit 32', 'foo flags:# a:flags.32?int = Foo;', ['flag-bit-range 1:21']],
  ['a flag bit that is not a number', 'foo flags:# a:flags.x?int = Foo;', ['invalid-condition 1:15']],
  [
    'an undefined type, at every use',
    'foo a:Bar = Foo;\nbar b:Vector<Bar> = Foo;',
    ['undefined-type 1:7', 'undefined-type 2:14'],
  ],
  ['an undefined bare type', 'foo a:vector<baz> = Foo;', ['undefined-type 1:14']],
  ['a duplicate constructor name', 'foo = Foo;\nfoo x:int = Foo;', ['duplicate-name 2:1']],
  [
    'a duplicate id',
    'foo#1 = Foo;\nbar#1 = Foo;',
    ['id-mismatch 1:1 (warning)', 'id-mismatch 2:1 (warning)', 'duplicate-id 2:1'],
  ],
  ['%T of a type with two constructors', 'a = T;\nb = T;\nc x:%T = C;', ['bare-multi-constructor 3:5']],
  ['an undeclared !X', '---functions---\nf {Y:Type} q:!X = Y;', ['undeclared-type-var 2:14']],
  ['an unclosed `<`', 'foo a:Vector<int = Foo;', ['unbalanced-angle 1:13']],
  ['a stray `>`', 'foo a:Vector<int>> = Foo;', ['unbalanced-angle 1:18']],
  ['an unclosed `{`', '---functions---\nf {X:Type query:!X = X;', ['unbalanced-bracket 2:3']],
  ['an unclosed `(`', '---functions---\nf (Vector int = X;', ['unbalanced-bracket 2:3']],
  ['a stray character', 'foo a:int @ = Foo;', ['unexpected-token 1:11']],
  ['a second declaration on the line of one without `;`', 'a = A b = B;', ['unexpected-token 1:9']],
  ['a field without a type', 'foo a: = Foo;', ['missing-type 1:8']],
  ['a declaration without a result type', 'foo a:int = ;', ['missing-type 1:13']],
  [
    'an unterminated block comment',
    'foo = Foo;\n  /* never closed\nbar = Foo;',
    ['unterminated-comment 2:3'],
  ],
  ['an unknown section marker', '---methods---\nfoo = Foo;', ['unknown-section 1:1']],
  ['a duplicate field', 'foo a:int a:long = Foo;', ['duplicate-field 1:11']],
  ['Vector without an element type', 'foo a:Vector = Foo;', ['type-arity 1:7']],
  ['a lower-case constructor result', 'foo = foo;', ['invalid-result-type 1:7']],
  ['a constructor added to Bool', 'maybe = Bool;', ['invalid-result-type 1:9']],
  [
    'a builtin with a foreign id',
    'boolTrue#12345678 = Bool;',
    ['id-mismatch 1:1 (warning)', 'builtin-id-mismatch 1:1'],
  ],
  ['a `?` body on a non-builtin', 'foo ? = Foo;', ['unsupported-builtin 1:1']],
  ['`#` as a vector element', 'foo a:Vector<#> = Foo;', ['misplaced-nat 1:14']],
  ['a type parameter that is not a Type', '---functions---\nf {X:int} q:!X = X;', ['invalid-type-param 2:3']],
  ['`true` outside a flags condition (warning)', 'foo a:true = Foo;', ['true-outside-flags 1:7 (warning)']],
  [
    'a wrong explicit id (warning)',
    'user#d23c81a4 id:int first_name:string last_name:string = User;',
    ['id-mismatch 1:1 (warning)'],
  ],
];

describe('malformed schemas', () => {
  it.each(cases)('reports %s', (_title, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('reports every bad line of one file in one run and keeps the good declarations', () => {
    const text = [
      'good1 x:int = Good;',
      'bad1#xyz = Good;',
      'good2 y:long = Good;',
      'bad2 flags:# a:flags.40?int = Good;',
      'bad3 a:Vector<int = Good;',
      '---functions---',
      'bad4 q:Nowhere = Good;',
      'bad5 a:int Good;',
      'good3 = Good;',
      'bad6 = Good',
    ].join('\n');
    expect(problems(text)).toEqual([
      'invalid-id 2:6',
      'flag-bit-range 4:22',
      'unbalanced-angle 5:14',
      'undefined-type 7:8',
      'missing-equals 8:16',
      'missing-semicolon 10:12',
    ]);
    const parsed = parseSchema(text, 'bad.tl');
    expect(parsed.declarations.map((d) => d.name)).toEqual(['good1', 'good2', 'bad4', 'good3', 'bad6']);
  });

  it('formats a diagnostic as file:line:col: kind: message and keeps the offending text', () => {
    const { diagnostics } = resolveSchema([parseSchema('foo flags:# a:flags.32?int = Foo;', 'dir/bad.tl')]);
    const [error] = diagnostics;
    expect(error).toBeInstanceOf(TlSchemaError);
    expect(error).toBeInstanceOf(TlError);
    expect(error.message).toBe('dir/bad.tl:1:21: flag-bit-range: flag bit 32 is outside 0..31');
    expect(error.name).toBe('TlSchemaError');
    expect([error.kind, error.severity, error.file, error.line, error.column, error.excerpt]).toEqual([
      'flag-bit-range',
      'error',
      'dir/bad.tl',
      1,
      21,
      'flags.32',
    ]);
  });

  it('names both ids and the line in an id mismatch', () => {
    const { diagnostics } = resolveSchema([
      parseSchema('\nuser#d23c81a4 id:int first_name:string last_name:string = User;', 'x.tl'),
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'x.tl:2:1: id-mismatch: explicit id d23c81a4 differs from the computed id d23c81a3 (line 2); the explicit id is used',
    ]);
  });
});
