// JSON schemas, in Telegram's form and in mtcute's, load into the model a .tl file gives: same
// definitions, ids checked against the computed CRC32 alike, byte-identical generated code, and
// every problem reported at its JSON path.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../packages/codegen/src/api/check.ts';
import { generateSchemaSet } from '../../packages/codegen/src/emit/generate.ts';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import type { TlDefinition, TlSchemaModel } from '../../packages/codegen/src/model/schema-model.ts';
import { parseJsonSchema } from '../../packages/codegen/src/parser/parse-json-schema.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';
import { runCli } from '../cli/run-cli.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { toTelegramJson } from '../support/telegram-json.ts';

const root = new URL('../../', import.meta.url).pathname;
const layer122 = (file: string) => join(root, 'schema/layer122', file);
const fixture = (file: string) => join(root, 'test/fixtures', file);

const scratch = scratchDir('json-schema-');
afterAll(() => removeScratch(scratch));

/** Writes the TL file `name.tl` of layer 122 in Telegram's JSON form as `scratch/name.json`. */
function layer122Json(name: string, options?: Parameters<typeof toTelegramJson>[1]): string {
  const path = layer122(`${name}.tl`);
  const out = join(scratch, `${name}${options?.typeParamsAsParams ? '-params' : ''}.json`);
  writeFileSync(out, JSON.stringify(toTelegramJson(parseSchema(readFileSync(path, 'utf8'), path), options)));
  return out;
}

/** A definition without where it was written: what must not depend on the file's format. */
function meaning(definition: TlDefinition) {
  const { position: _position, source: _source, ...rest } = definition;
  return { ...rest, fields: rest.fields.map(({ position: _p, ...field }) => field) };
}

function expectSameDefinitions(json: TlSchemaModel, tl: TlSchemaModel): void {
  for (const list of ['constructors', 'functions'] as const) {
    expect(json[list].map((d) => d.name)).toEqual(tl[list].map((d) => d.name));
    tl[list].forEach((definition, index) => {
      expect(meaning(json[list][index]), definition.name).toEqual(meaning(definition));
    });
  }
  expect(json.types).toEqual(tl.types);
  expect(json.layer).toBe(tl.layer);
}

/** Every generated file by path, without the header's first line (it names the schema files). */
function generatedFiles(files: string[], name: string): Map<string, string> {
  const outDir = join(scratch, name);
  generateSchemaSet({ files, outDir });
  const result = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else result.set(relative(outDir, path), readFileSync(path, 'utf8').replace(/^[^\n]*\n/, ''));
    }
  };
  walk(outDir);
  return result;
}

describe("Telegram's JSON form", () => {
  const tlFiles = [layer122('api.tl'), layer122('mtproto.tl')];
  const jsonFiles = [layer122Json('api'), layer122Json('mtproto')];

  it('layer 122 converted to JSON resolves to the model of the .tl files, definition by definition', () => {
    const tl = loadSchema(tlFiles);
    const json = loadSchema(jsonFiles);
    expect(json.diagnostics.map((d) => d.message)).toEqual([]);
    expect(json.model.constructors.length + json.model.functions.length).toBe(922 + 370);
    expectSameDefinitions(json.model, tl.model);
    // The source text too, but for the zero padding of four ids in mtproto.tl (`resPQ#05162463`).
    const sources = (model: TlSchemaModel) =>
      [...model.constructors, ...model.functions].map((d) => d.source);
    expect(sources(json.model)).toEqual(sources(tl.model).map((s) => s.replace(/#0+(?=[0-9a-f])/, '#')));
  });

  it('reads `{X:Type}` written as a param typed `Type` as the same type parameter', () => {
    const tl = loadSchema(tlFiles);
    const json = loadSchema([layer122Json('api', { typeParamsAsParams: true }), jsonFiles[1]]);
    expect(json.diagnostics.map((d) => d.message)).toEqual([]);
    expectSameDefinitions(json.model, tl.model);
    expect(json.model.functionsByName.get('invokeWithLayer')!.typeParams).toEqual(['X']);
  });

  it('generates byte-identical files from api.json with mtproto.tl as from the .tl files', () => {
    const fromTl = generatedFiles(tlFiles, 'from-tl');
    const mixed = generatedFiles([jsonFiles[0], tlFiles[1]], 'mixed');
    expect([...mixed.keys()]).toEqual([...fromTl.keys()]);
    for (const [path, text] of fromTl) expect(mixed.get(path), path).toBe(text);
  });

  it('generates the same files from both JSON files, but for the ids zero-padded in mtproto.tl', () => {
    const fromTl = generatedFiles(tlFiles, 'from-tl-2');
    const fromJson = generatedFiles(jsonFiles, 'from-json');
    expect([...fromJson.keys()]).toEqual([...fromTl.keys()]);
    const differing: string[] = [];
    for (const [path, text] of fromTl) {
      const jsonLines = fromJson.get(path)!.split('\n');
      text.split('\n').forEach((line, index) => {
        if (line !== jsonLines[index]) differing.push(`${line.trim()} -> ${jsonLines[index].trim()}`);
      });
    }
    // Each definition's source is the doc comment of its class and of its constructor's type.
    const twice = (line: string) => [line, line];
    expect(differing).toEqual(
      [
        '/** `resPQ#05162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ` */ -> /** `resPQ#5162463 nonce:int128 server_nonce:int128 pq:string server_public_key_fingerprints:Vector<long> = ResPQ` */',
        '/** `destroy_auth_key_none#0a9f2259 = DestroyAuthKeyRes` */ -> /** `destroy_auth_key_none#a9f2259 = DestroyAuthKeyRes` */',
        '/** `msgs_state_info#04deb57d req_msg_id:long info:string = MsgsStateInfo` */ -> /** `msgs_state_info#4deb57d req_msg_id:long info:string = MsgsStateInfo` */',
        '/** `future_salt#0949d9dc valid_since:int valid_until:int salt:long = FutureSalt` */ -> /** `future_salt#949d9dc valid_since:int valid_until:int salt:long = FutureSalt` */',
      ].flatMap(twice),
    );
  });

  it('states no layer without a "layer" key, as Telegram publishes it', () => {
    const { layer: _layer, ...published } = toTelegramJson(
      parseSchema('boolFalse#bc799737 = Bool;\n// LAYER 122', 'bool.tl'),
    );
    const parsed = parseJsonSchema(JSON.stringify(published), 'bool.json');
    expect([parsed.form, parsed.layer, parsed.diagnostics]).toEqual(['telegram', undefined, []]);
  });

  it('restores the type parameters and the builtin vector that the form leaves out, so every id verifies', () => {
    const text = JSON.stringify({
      constructors: [
        { id: '481674261', predicate: 'vector', params: [], type: 'Vector t' },
        { id: '-1132882121', predicate: 'boolFalse', params: [], type: 'Bool' },
      ],
      methods: [
        {
          id: '-627372787',
          method: 'invokeWithLayer',
          params: [
            { name: 'layer', type: 'int' },
            { name: 'query', type: '!X' },
          ],
          type: 'X',
        },
      ],
    });
    const parsed = parseJsonSchema(text, 'api.json');
    expect(parsed.declarations.map((d) => d.source)).toEqual([
      'vector#1cb5c415 {t:Type} # [ t ] = Vector t',
      'boolFalse#bc799737 = Bool',
      'invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X',
    ]);
    const { model, diagnostics } = resolveSchema([parsed]);
    expect(diagnostics).toEqual([]);
    expect(model.constructors).toEqual([]);
    const fn = model.functionsByName.get('invokeWithLayer')!;
    expect([fn.id, fn.computedId, fn.explicitId, fn.typeParams, fn.result]).toEqual([
      0xda9b0d0d,
      0xda9b0d0d,
      true,
      ['X'],
      { kind: 'typeVar', name: 'X', bang: false },
    ]);
  });
});

describe("mtcute's JSON form", () => {
  const apiTl = [
    'point#1a13f5b9 x:double y:double = Point;',
    'peerUser#59511722 user_id:long = Peer;',
    'peerNamed#5cf2e4f8 flags:# verified:flags.0?true ids:flags.1?Vector<long> flags2:# nick:flags2.3?string = Peer;',
    'item#9b1183a0 n:int = Item;',
    'bag#3fda4e0b items:vector<item> = Bag;',
    'shape center:%Point corners:Vector<%Point> = Shape;',
    '---functions---',
    'invokeTwice#1c533b0e {X:Type} times:int query:!X = X;',
    'shapes.getAll#d63c69d peer:Peer = Vector<Point>;',
    'shapes.getIds#f45643ca = Vector<long>;',
    'shapes.ping#41056b23 = Bool;',
    '// LAYER 7',
  ].join('\n');
  const mtpTl = [
    'future_salt#949d9dc valid_since:int valid_until:int salt:long = FutureSalt;',
    'future_salts#ae500895 req_msg_id:long now:int salts:vector<future_salt> = FutureSalts;',
    'pong#347773c5 msg_id:long ping_id:long = Pong;',
    'ping#7abe77ec ping_id:long = Pong;',
  ].join('\n');
  const jsonFiles = [fixture('mtcute-api-schema.json'), fixture('mtcute-mtp-schema.json')];

  it('loads the packed form and the array of entries as the TL they stand for, every modifier applied', () => {
    const json = loadSchema(jsonFiles);
    const tl = resolveSchema([parseSchema(apiTl, 'api.tl'), parseSchema(mtpTl, 'mtp.tl')]);
    expect(json.diagnostics.map((d) => d.message)).toEqual([]);
    expect(tl.diagnostics.map((d) => d.message)).toEqual([]);
    expectSameDefinitions(json.model, tl.model);
    const sources = (model: TlSchemaModel) =>
      [...model.constructors, ...model.functions].map((d) => d.source);
    expect(sources(json.model)).toEqual(sources(tl.model));
    expect(json.model.layer).toBe(7);
  });

  it('reads `int53` as long, drops the `mt_` prefix and computes an id written as 0', () => {
    const { model } = loadSchema(jsonFiles);
    expect(model.constructorsByName.get('peerUser')!.fields[0].type).toEqual({ kind: 'long' });
    expect(model.constructorsByName.get('future_salts')!.fields[2].type).toEqual({
      kind: 'vector',
      boxed: false,
      element: { kind: 'bare', constructor: 'future_salt' },
    });
    const shape = model.constructorsByName.get('shape')!;
    expect([shape.explicitId, shape.id === shape.computedId]).toEqual([false, true]);
  });

  it('keeps the documentation comments beside the declarations, out of the model', () => {
    const parsed = parseJsonSchema(readFileSync(jsonFiles[0], 'utf8'), 'api-schema.json');
    expect(parsed.form).toBe('mtcute');
    expect(parsed.comments).toEqual({
      definitions: new Map([
        ['point', 'A point.'],
        ['shapes.getAll', 'All points.'],
      ]),
      fields: new Map([
        ['point.x', 'Abscissa'],
        ['shapes.getAll.peer', 'Whose points'],
      ]),
      types: new Map([
        ['Point', 'A point in the plane.'],
        ['Peer', 'Someone.'],
      ]),
    });
  });
});

describe('problems in JSON schemas', () => {
  /** Every diagnostic of parsing and resolving `text` as `bad.json`, by message. */
  function problems(text: string): string[] {
    return resolveSchema([parseJsonSchema(text, 'bad.json')]).diagnostics.map(
      (d) => `${d.message}${d.severity === 'warning' ? ' (warning)' : ''}`,
    );
  }
  const telegram = (constructors: unknown[], methods: unknown[] = []) =>
    JSON.stringify({ constructors, methods });
  const mtcute = (entries: unknown[]) => JSON.stringify({ l: 1, e: entries, u: {} });
  const point = { predicate: 'point', params: [], type: 'Point' };

  const cases: Array<[string, string, string[]]> = [
    [
      'a value missing after `:`',
      '{"constructors": [],\n "methods": }',
      ['bad.json:$.methods: json-syntax: expected a value, found `}`'],
    ],
    [
      'a trailing comma',
      '{"constructors": [1,]}',
      ['bad.json:$.constructors[1]: json-syntax: expected a value, found `]`'],
    ],
    [
      'a string never closed',
      '{"constructors": [{"predicate": "boolFalse}]}',
      ['bad.json:$.constructors[0].predicate: json-syntax: the string is never closed with `"`'],
    ],
    [
      'a number with a leading zero',
      '{"l": 01, "e": []}',
      ['bad.json:$.l: json-syntax: `01` is not a JSON number'],
    ],
    [
      'neither form',
      '{"types": []}',
      [
        'bad.json:$: json-shape: expected a schema in Telegram\'s JSON form (an object with "constructors" and "methods") or in mtcute\'s (an object with "l", "e" and "u", or an array of entries)',
      ],
    ],
    [
      'lists of the wrong shape',
      JSON.stringify({ constructors: {}, methods: [7] }),
      [
        'bad.json:$.constructors: json-shape: `constructors` must be an array, found an object',
        'bad.json:$.methods[0]: json-shape: a method must be an object, found the number 7',
      ],
    ],
    [
      'a non-numeric id, an id out of 32-bit range, an id with a fraction',
      telegram([
        { ...point, id: '0x1a13f5b9' },
        { ...point, predicate: 'a', id: '4294967296' },
        { ...point, predicate: 'b', id: '1.5' },
      ]),
      [
        'bad.json:$.constructors[0].id: invalid-id: "0x1a13f5b9" is not a decimal constructor id',
        'bad.json:$.constructors[1].id: invalid-id: 4294967296 is outside the 32-bit range of a constructor id (-2147483648 to 4294967295)',
        'bad.json:$.constructors[2].id: invalid-id: "1.5" is not a decimal constructor id',
      ],
    ],
    [
      'a missing key, a name that is not a name, a param that is not an object',
      telegram([
        { id: '1', params: [], type: 'A' },
        { id: '2', predicate: 'two words', params: ['x:int'], type: 'A' },
      ]),
      [
        'bad.json:$.constructors[0]: json-shape: a constructor has no "predicate"',
        'bad.json:$.constructors[1].predicate: invalid-name: "two words" is not a valid declaration name',
        'bad.json:$.constructors[1].params[0]: json-shape: a param must be an object, found the string "x:int"',
      ],
    ],
    [
      'bad types inside param strings, at the character',
      telegram([
        {
          ...point,
          params: [
            { name: 'flags', type: '#' },
            { name: 'a', type: 'Vector<int' },
            { name: 'b', type: 'flags.32?int' },
            { name: 'c', type: 'int;' },
            { name: 'd', type: '' },
          ],
        },
      ]),
      [
        'bad.json:$.constructors[0].params[1].type: unbalanced-angle: `<` is not closed by `>`',
        'bad.json:$.constructors[0].params[2].type: flag-bit-range: flag bit 32 is outside 0..31',
        'bad.json:$.constructors[0].params[3].type: unexpected-token: expected the end of the type, found `;`',
        'bad.json:$.constructors[0].params[4].type: missing-type: expected a type, found an empty string',
      ],
    ],
    [
      'resolver problems, reported at the JSON path',
      telegram(
        [
          { ...point, params: [{ name: 'x', type: 'Vector<Doubel>' }] },
          { id: '1', predicate: 'point', params: [], type: 'Point' },
        ],
        [{ id: '1', method: 'f', params: [], type: 'Point' }],
      ),
      [
        'bad.json:$.constructors[0].params[0].type: undefined-type: type `Doubel` is not defined by any constructor',
        'bad.json:$.constructors[1]: id-mismatch: explicit id 00000001 differs from the computed id 21964f17 ($.constructors[1]); the explicit id is used (warning)',
        'bad.json:$.constructors[1]: duplicate-name: `point` is already declared at $.constructors[0]',
        'bad.json:$.methods[0]: id-mismatch: explicit id 00000001 differs from the computed id 4e58644f ($.methods[0]); the explicit id is used (warning)',
      ],
    ],
    [
      'keys neither form defines, as warnings',
      JSON.stringify({ constructors: [{ ...point, doc: 'x' }], methods: [], version: 2 }),
      [
        'bad.json:$.constructors[0].doc: unknown-json-key: "doc" is not a key of a constructor; it is ignored (warning)',
        'bad.json:$.version: unknown-json-key: "version" is not a key of a schema in Telegram\'s JSON form; it is ignored (warning)',
      ],
    ],
    [
      "mtcute's modifiers: an unknown one, two that exclude each other, a bad predicate",
      mtcute([
        {
          kind: 'class',
          name: 'point',
          id: 437515705,
          type: 'Point',
          arguments: [
            { name: 'flags', type: '#' },
            { name: 'a', type: 'int', typeModifiers: { isOptional: true } },
            { name: 'b', type: 'int', typeModifiers: { isVector: true, isBareVector: true } },
            { name: 'c', type: 'int', typeModifiers: { predicate: 'flags.40' } },
            { name: 'd', type: 'int', typeModifiers: { predicate: 'flags' } },
            { name: 'e', type: 'int', typeModifiers: { isVector: 'yes' } },
          ],
        },
      ]),
      [
        'bad.json:$.e[0].arguments[1].typeModifiers.isOptional: unknown-type-modifier: "isOptional" is not one of mtcute\'s type modifiers (predicate, isVector, isBareVector, isBareUnion, isBareType, constructorId)',
        'bad.json:$.e[0].arguments[2].typeModifiers: invalid-type-modifier: `isVector` (`Vector<T>`) and `isBareVector` (`vector<T>`) exclude each other',
        'bad.json:$.e[0].arguments[3].typeModifiers.predicate: flag-bit-range: flag bit 40 is outside 0..31',
        'bad.json:$.e[0].arguments[4].typeModifiers.predicate: invalid-condition: `flags` is not a flag condition `flags.N`',
        'bad.json:$.e[0].arguments[5].typeModifiers.isVector: json-shape: `isVector` must be `true` or `false`, found the string "yes"',
      ],
    ],
    [
      "mtcute's entries: an unknown kind, a negative-looking id, a conditional result",
      mtcute([
        { kind: 'type', name: 'a', id: 1, type: 'A', arguments: [] },
        { kind: 'class', name: 'b', id: -2147483649, type: 'A', arguments: [] },
        {
          kind: 'method',
          name: 'c',
          id: 1,
          type: 'A',
          typeModifiers: { predicate: 'flags.0' },
          arguments: [],
        },
      ]),
      [
        'bad.json:$.e[0].kind: json-shape: `kind` must be "class" or "method", found "type"',
        'bad.json:$.e[1].id: invalid-id: -2147483649 is outside the 32-bit range of a constructor id (-2147483648 to 4294967295)',
        'bad.json:$.e[2].typeModifiers.predicate: invalid-type-modifier: a result type cannot be conditional',
      ],
    ],
  ];

  it.each(cases)('reports %s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });

  it('keeps the line and column of the value beside its path, pointing inside a string without escapes', () => {
    const text =
      '{"constructors": [\n  {"id": "1", "predicate": "a", "params": [{"name": "x", "type": "Vector<Nope>"}], "type": "A"}\n], "methods": []}';
    const error = resolveSchema([parseJsonSchema(text, 'bad.json')]).diagnostics.find(
      (d) => d.kind === 'undefined-type',
    )!;
    expect([error.file, error.line, error.column, error.path, error.excerpt]).toEqual([
      'bad.json',
      2,
      text.split('\n')[1].indexOf('Nope') + 1,
      '$.constructors[0].params[0].type',
      'Nope',
    ]);
  });

  it('never throws on any truncation or one-character change of a schema in either form', () => {
    const telegramText = JSON.stringify(
      toTelegramJson(
        parseSchema(
          [
            'vector#1cb5c415 {t:Type} # [ t ] = Vector t;',
            'peerNamed flags:# verified:flags.0?true ids:flags.1?Vector<long> = Peer;',
            '---functions---',
            'invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;',
          ].join('\n'),
          'small.tl',
        ),
      ),
    );
    let runs = 0;
    for (const text of [readFileSync(fixture('mtcute-mtp-schema.json'), 'utf8'), telegramText]) {
      for (let i = 0; i < text.length; i++) {
        const changed = ['"', '{', ']', '\\', '0', '-', ' '].map(
          (c) => text.slice(0, i) + c + text.slice(i + 1),
        );
        for (const variant of [text.slice(0, i), ...changed]) {
          resolveSchema([parseJsonSchema(variant, 'fuzz.json')]);
          runs++;
        }
      }
    }
    expect(runs).toBe(
      8 * (readFileSync(fixture('mtcute-mtp-schema.json'), 'utf8').length + telegramText.length),
    );
  });

  it('reports every bad declaration of a file in one run and keeps the good ones', () => {
    const parsed = parseJsonSchema(
      telegram([
        { ...point, id: 'x' },
        { id: '-1132882121', predicate: 'boolFalse', params: [], type: 'Bool' },
        { ...point, predicate: 'q', params: [{ name: 'a' }] },
      ]),
      'bad.json',
    );
    expect(parsed.declarations.map((d) => d.name)).toEqual(['boolFalse']);
    expect(parsed.diagnostics.map((d) => d.kind)).toEqual(['invalid-id', 'json-shape']);
  });
});

describe('JSON schema files through check and the CLI', () => {
  it('check() takes .json and .tl files together', () => {
    const result = check([layer122Json('api'), layer122('mtproto.tl')], { strict: true });
    expect([result.ok, result.model.layer, result.model.constructors.length]).toEqual([true, 122, 922]);
  });

  it("reports the emitter's name clashes at the JSON path", () => {
    const file = join(scratch, 'clash.json');
    const entry = (predicate: string) => ({ predicate, params: [], type: 'Foo' });
    writeFileSync(file, JSON.stringify({ constructors: [entry('fooBar'), entry('foo_bar')], methods: [] }));
    expect(check([file]).errors.map((d) => d.message.replace(file, 'clash.json'))).toEqual([
      'clash.json:$.constructors[1]: name-clash: constructor foo_bar and constructor fooBar would both be named Api.FooBar',
    ]);
  });

  it('`tlforge check` prints the JSON path of each problem', async () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ constructors: [{ id: 'x', predicate: 'a', params: [], type: 'A' }], methods: [] }),
    );
    expect(await runCli(['check', bad])).toEqual({
      code: 1,
      out: [
        'layer: unknown (no // LAYER comment)',
        'constructors: 0, functions: 0, types: 0',
        '1 error, 0 warnings',
      ],
      err: [`${bad}:$.constructors[0].id: invalid-id: "x" is not a decimal constructor id`],
    });
  });
});
