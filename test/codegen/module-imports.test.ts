// The import resolver reads generated text with TypeScript's scanner: it must find every identifier
// the text refers to and nothing else, or the output either fails to compile or imports unused names.

import { describe, expect, it } from 'vitest';
import { freeIdentifiers, relativeSpecifier } from '../../packages/codegen/src/emit/module-imports.ts';

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

describe('relativeSpecifier', () => {
  it('points from a namespace module to the root module beside its folder', () => {
    expect(relativeSpecifier('api/messages', 'api', 'js')).toBe('../api.js');
    expect(relativeSpecifier('api', 'api/messages', 'ts')).toBe('./api/messages.ts');
    expect(relativeSpecifier('index', 'codecs', 'none')).toBe('./codecs');
  });
});
