// The shape of generated output: which files a schema set becomes, what each imports (exactly what
// its text uses, with the chosen extension), `--emit js`, the header, and the checks at the API
// boundary (a constructor without its argument object, `deserialize` of something not a Uint8Array).

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TlDecodeError, TlEncodeError } from '@tlforge/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSchemaSet } from '../../packages/codegen/src/emit/generate.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { hex, toHex } from './hex.ts';

const scratch = scratchDir('tlforge-layout-');
afterAll(() => removeScratch(scratch));

const shopSchema = `// LAYER 3
item#5c5b3c2a flags:# gift:flags.0?true note:flags.1?string sku:long = Item;
shop.order#7d1ff4a5 items:Vector<Item> = shop.Order;
---functions---
shop.placeOrder#2c5dd5b5 items:Vector<Item> = shop.Order;
`;

const schemaPath = join(scratch, 'shop.tl');
writeFileSync(schemaPath, shopSchema);

function generate(name: string, options: Partial<Parameters<typeof generateSchemaSet>[0]> = {}): string {
  const outDir = join(scratch, name);
  generateSchemaSet({ files: [schemaPath], outDir, ...options });
  return outDir;
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** The import lines of a generated file, joined back into single lines. */
function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8').replace(/\{\n([^}]*)\}/g, (_, list: string) => {
    return `{ ${list.trim().split(/,\s*/).filter(Boolean).join(', ')} }`;
  });
  return text.split('\n').filter((line) => line.startsWith('import '));
}

describe('the files of a schema set', () => {
  it('are index, api, one module per TL namespace, codecs, json and registry', () => {
    expect(files(generate('default'))).toEqual([
      'api.ts',
      'api/shop.ts',
      'codecs.ts',
      'index.ts',
      'json.ts',
      'registry.ts',
    ]);
  });

  it('import exactly what their text uses, relative imports ending in .js', () => {
    const dir = join(scratch, 'default');
    expect(imports(join(dir, 'index.ts'))).toEqual([]);
    expect(imports(join(dir, 'api/shop.ts'))).toEqual([
      "import type * as Api from '../api.js';",
      "import type { TlJsonClasses, TlJsonObject, TlReader, TlReaderOptions, TlWriter } from '@tlforge/runtime';",
      "import { TlBoxedType, arrayValue, checkRpcError, constructorArgs, decoding, defineTlClass, indexedField, noRegistry, readBoxed, rethrowDecode, rethrowEncode, serializeObject } from '@tlforge/runtime';",
      "import { read$Vector$Item, read$shop$Order, readResult$shop$Order, write$Item } from '../codecs.js';",
    ]);
  });

  it('end relative imports in .ts or nothing when asked', () => {
    const ts = generate('ts', { importExtension: 'ts' });
    expect(readFileSync(join(ts, 'index.ts'), 'utf8')).toContain("export * as Api from './api.ts';");
    expect(imports(join(ts, 'api/shop.ts'))[0]).toBe("import type * as Api from '../api.ts';");
    const none = generate('none', { importExtension: 'none' });
    expect(readFileSync(join(none, 'api.ts'), 'utf8')).toContain("export * as shop from './api/shop';");
  });

  it('import the runtime from the specifier given', () => {
    const dir = generate('runtime', { runtime: 'my-runtime' });
    expect(readFileSync(join(dir, 'index.ts'), 'utf8')).toContain(
      "export { RpcError, TlDecodeError, TlEncodeError, TlError, TlJsonError, UnknownConstructorError } from 'my-runtime';",
    );
    expect(imports(join(dir, 'codecs.ts'))).toEqual([
      "import type * as Api from './api.js';",
      "import type { TlReader, TlWriter } from 'my-runtime';",
      "import { boxedValueError, rethrowElement } from 'my-runtime';",
      "import { Item as $Item } from './api.js';",
      "import { Order as shop$Order } from './api/shop.js';",
    ]);
  });
});

describe('--emit js', () => {
  it('writes a .js module and a .d.ts beside it for every file, each with the header', () => {
    const dir = generate('js', { emit: 'js' });
    expect(files(dir)).toEqual([
      'api.d.ts',
      'api.js',
      'api/shop.d.ts',
      'api/shop.js',
      'codecs.d.ts',
      'codecs.js',
      'index.d.ts',
      'index.js',
      'json.d.ts',
      'json.js',
      'registry.d.ts',
      'registry.js',
    ]);
    for (const file of ['api/shop.js', 'api/shop.d.ts']) {
      expect(readFileSync(join(dir, file), 'utf8').split('\n')[1]).toBe(
        '// Options: --long big-integer --runtime @tlforge/runtime --import-extension js --emit js.',
      );
    }
    const declarations = readFileSync(join(dir, 'api/shop.d.ts'), 'utf8');
    expect(declarations).toContain('export declare const PlaceOrder: typeof PlaceOrder$;');
    expect(declarations).toContain('export type PlaceOrder = PlaceOrder$;');
    expect(readFileSync(join(dir, 'api/shop.js'), 'utf8')).toContain(
      'export const PlaceOrder = /*@__PURE__*/ defineTlClass(PlaceOrder$, 0x2c5dd5b5, 0x',
    );
  });

  it('runs: the JavaScript modules serialize and read back the same bytes as the TypeScript ones', async () => {
    const js = (await import(join(scratch, 'js', 'index.js'))) as ShopModule;
    const ts = (await import(join(scratch, 'default', 'index.ts'))) as ShopModule;
    const order = (m: ShopModule) =>
      new m.Api.shop.PlaceOrder({
        items: [new m.Api.Item({ gift: true, sku: '-2' }), new m.Api.Item({ note: 'hi', sku: 7 })],
      });
    const bytes = hex(
      'b5d55d2c 15c4b51c 02000000',
      '2a3c5b5c 01000000 feffffff ffffffff',
      '2a3c5b5c 02000000 02686900 07000000 00000000',
    );
    expect(toHex(order(js).serialize())).toBe(toHex(bytes));
    expect(toHex(order(ts).serialize())).toBe(toHex(bytes));
    expect(js.deserialize(bytes)).toStrictEqual(order(js));
  });
});

interface ShopModule {
  Api: {
    Item: new (args: Record<string, unknown>) => { serialize(): Uint8Array };
    shop: { PlaceOrder: new (args?: Record<string, unknown>) => { serialize(): Uint8Array } };
  };
  deserialize(bytes: unknown): unknown;
}

describe('the header', () => {
  it('names schema files by name only, with line breaks in a name escaped', () => {
    const folder = join(scratch, 'odd\nfolder');
    mkdirSync(folder);
    const odd = join(folder, 'evil\nconsole.log(1);.tl');
    writeFileSync(odd, shopSchema);
    const outDir = join(scratch, 'odd');
    generateSchemaSet({ files: [odd], outDir });
    const head = readFileSync(join(outDir, 'api.ts'), 'utf8').split('\n').slice(0, 3);
    expect(head).toEqual([
      '// @generated by tlforge 0.2.0 from evil\\u000aconsole.log(1);.tl (layer 3).',
      '// Options: --long big-integer --runtime @tlforge/runtime --import-extension js --emit ts.',
      '// Do not edit: regenerate with `tlforge generate`.',
    ]);
  });
});

describe('the API boundary', () => {
  it('names the class when a constructor is called without its argument object', async () => {
    const m = (await import(join(scratch, 'default', 'index.ts'))) as ShopModule;
    const Item = m.Api.Item as unknown as new (args?: unknown) => unknown;
    for (const [args, kind, got] of [
      [undefined, 'missing', 'undefined'],
      [null, 'missing', 'null'],
      ['sku', 'type', 'string "sku"'],
    ] as const) {
      let error: unknown;
      try {
        new Item(args);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TlEncodeError);
      expect(error).toMatchObject({
        kind,
        path: ['Item'],
        message: `Item: the constructor needs its argument object, got ${got}`,
      });
    }
    expect(new m.Api.shop.PlaceOrder({ items: [] }).serialize()).toEqual(hex('b5d55d2c 15c4b51c 00000000'));
  });

  it('deserialize takes a Uint8Array (a Node Buffer too) and names anything else', async () => {
    const m = (await import(join(scratch, 'default', 'index.ts'))) as ShopModule;
    const bytes = hex('a5f41f7d 15c4b51c 00000000');
    expect(m.deserialize(Buffer.from(bytes))).toStrictEqual(m.deserialize(bytes));
    for (const [input, got] of [
      [new ArrayBuffer(4), 'ArrayBuffer(4)'],
      [[1, 2, 3], 'array(3)'],
      [new DataView(new ArrayBuffer(8)), 'DataView(8 bytes)'],
      ['a5f41f7d', 'string "a5f41f7d"'],
      [undefined, 'undefined'],
    ] as const) {
      let error: unknown;
      try {
        m.deserialize(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TlDecodeError);
      expect(error).toMatchObject({
        kind: 'input',
        offset: 0,
        message: `at byte 0: input: expected the bytes as a Uint8Array, got ${got}`,
      });
    }
  });
});
