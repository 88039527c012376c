// The import resolver reads generated text with TypeScript's scanner: it must find every identifier
// the text refers to and nothing else, or the output either fails to compile or imports unused names.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  asciiFreeIdentifiers,
  freeIdentifiers,
  relativeSpecifier,
  scannedFreeIdentifiers,
} from '../../packages/codegen/src/emit/module-imports.ts';

const sorted = (names: Set<string> | undefined) => (names === undefined ? undefined : [...names].sort());

/** Every file of a generated folder, by path. */
function generatedFiles(dir: string): Array<[string, string]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => [path, readFileSync(path, 'utf8')]);
}

describe('freeIdentifiers', () => {
  it('finds references, not property names, object keys, comments or strings', () => {
    const text = [
      '/** required(x) is documented here */',
      'constructor(args: { required: string; decoding?: number | undefined }) {',
      '  if (args === decoding) return; // trueFlag in a comment',
      "  this.required = args.required ?? 'arrayValue';",
      '  o.x = test ? r.object() as TlBoxedValue : undefined;',
      '  w.long(required(this.randomId, "long"));',
      '}',
    ].join('\n');
    expect([...freeIdentifiers(text)].sort()).toEqual([
      'TlBoxedValue',
      'args',
      'decoding',
      'o',
      'r',
      'required',
      'test',
      'w',
    ]);
  });

  it('reads through template literals', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is source text to scan
    expect([...freeIdentifiers('const s = `${a}-${b.c}-${`${d}`}` + e;')].sort()).toEqual([
      'a',
      'b',
      'd',
      'e',
      's',
    ]);
  });
});

// The import resolver reads generated text with its own scanner of ASCII code (TypeScript's took a
// fifth of generation) and leaves any other text to TypeScript's: both must find the same names.
describe('asciiFreeIdentifiers', () => {
  it("finds what TypeScript's scanner finds in every module of the latest layer, without falling back", () => {
    const files = generatedFiles('packages/layers/src/latest');
    expect(files.length).toBeGreaterThan(20);
    for (const [path, text] of files) {
      const fast = asciiFreeIdentifiers(text);
      expect(fast, path).toBeDefined();
      expect(sorted(fast), path).toEqual(sorted(scannedFreeIdentifiers(text)));
    }
  });

  it("agrees with TypeScript's scanner on the corners of the syntax it reads", () => {
    const texts = [
      '',
      'a',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the strings are source text to scan
      'const s = `${ { k: v }.k }${`${ `x${y}` }`}` + `plain` + `\\${notA}` + `tick \\` ${still}` + `${/* c */ z}`;',
      'x?.y ?? p?.[q] ?? (r ??= s); t ? .5 : u; v?.5:w; g(c, d ?? e); { k ?? l }',
      'f(...rest, ...[a.b]); g.default; h.declare; k.readonly',
      'n = .5 + 1e-3 + 2E+4 + 0xFFn + 7n + 0 + 0.25 + 1.e3 + 1. + x',
      "s = 'it\\'s' + \"q\\\"\" + 'line\\\ncontinued' + y; u = 'open\nafter",
      "r = /'/g; after",
      "c = 'crlf\\\r\ncontinued' + d; e = 'cr ends a string\rseen;",
      '// a carriage return ends a line comment\rseen',
      'class C { declare readonly a: T; declare b?: U; readonly c: V; d: W; e = f; static g(h: I) {} }',
      'const o = { k: v, [m]: n, p, q: { r: s }, t() { return u; } };',
      'type T = { a: A; b?: B }; function f(x: X, y?: Y): Z {}',
      'switch (a) { case b: c; default: d; } label: for (;;) break label;',
      '// line comment mentions hidden */ still\nafter /* block comment hidden */ seen /* open',
      'a\r\nb\r\n|| c\n== d\n====== e\n<<< f\n>>> g',
      '@decorator class D {} x!.y; if (!z) w = ~v ^ u | t & s % r;',
    ];
    for (const text of texts) {
      const fast = asciiFreeIdentifiers(text);
      expect(fast, text).toBeDefined();
      expect(sorted(fast), text).toEqual(sorted(scannedFreeIdentifiers(text)));
    }
  });

  it("leaves other text to TypeScript's scanner", () => {
    const texts = [
      'const café = a;',
      'x = \\u0061 + b;',
      '#!/usr/bin/env node\nfoo',
      'class P { #p = q; }',
      'x = 1_000 + y;',
      'n = 012 + z;',
      'm = 0b101 + q;',
      'a = 1.toString + b;',
      'h = 0x + i;',
      '<<<<<<< HEAD\na\n=======\nb\n>>>>>>> c',
      'nbsp\u00a0= x;',
    ];
    for (const text of texts) {
      expect(asciiFreeIdentifiers(text), text).toBeUndefined();
      expect(sorted(freeIdentifiers(text)), text).toEqual(sorted(scannedFreeIdentifiers(text)));
    }
  });
});

describe('relativeSpecifier', () => {
  it('points from a namespace module to the root module beside its folder', () => {
    expect(relativeSpecifier('api/messages', 'api', 'js')).toBe('../api.js');
    expect(relativeSpecifier('api', 'api/messages', 'ts')).toBe('./api/messages.ts');
    expect(relativeSpecifier('index', 'codecs', 'none')).toBe('./codecs');
  });
});
