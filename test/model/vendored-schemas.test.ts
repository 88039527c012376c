import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeConstructorId } from '../../packages/codegen/src/model/constructor-id.ts';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

const root = new URL('../../', import.meta.url);
const path = (relative: string) => new URL(relative, root).pathname;

interface FileSet {
  dir: string;
  layer: number;
  /** The warnings of api.tl and of mtproto.tl, as `kind line` (the odd lines their publishers keep). */
  apiWarnings: string[];
  mtprotoWarnings: string[];
  /** Written ids no normal form reproduces (the allow-list of constructor-id.ts). */
  idExceptions: string[];
  api: [constructors: number, functions: number, types: number];
  mtproto: [constructors: number, functions: number, types: number];
  merged: [constructors: number, functions: number, types: number];
  sharedBits: number;
  vectorResults: number;
}

const officialExceptions = [
  'ipPortSecret#37982646 computed 402d9b47',
  'accessPointRule#4679b65f computed 20634ce',
  'help.configSimple#5a592a6c computed 66d2808',
];

const fileSets: FileSet[] = [
  {
    dir: 'schema/latest',
    layer: 228,
    // tdesktop's `bytes#e937bb82 = Bytes;`, and `http_wait … = HttpWait;` with no constructor of HttpWait.
    apiWarnings: ['builtin-with-id 4918'],
    mtprotoWarnings: ['no-constructors 81'],
    idExceptions: [
      ...officialExceptions,
      'inputPeerPhotoFileLocationLegacy#27d69997 computed a8f0f7a0',
      'inputStickerSetThumbLegacy#dbaeae9 computed b0eff77b',
    ],
    api: [1645, 808, 609],
    mtproto: [35, 10, 26],
    merged: [1680, 818, 635],
    sharedBits: 89,
    vectorResults: 38,
  },
  {
    dir: 'schema/layer214',
    layer: 214,
    apiWarnings: [],
    mtprotoWarnings: [],
    idExceptions: officialExceptions,
    api: [1475, 727, 555],
    mtproto: [53, 10, 33],
    merged: [1528, 737, 588],
    sharedBits: 76,
    vectorResults: 38,
  },
  {
    dir: 'schema/layer122',
    layer: 122,
    apiWarnings: [],
    mtprotoWarnings: [],
    idExceptions: officialExceptions,
    api: [869, 360, 303],
    mtproto: [53, 10, 33],
    merged: [922, 370, 336],
    sharedBits: 28,
    vectorResults: 22,
  },
];

const warnings = (diagnostics: ReturnType<typeof loadSchema>['diagnostics']) =>
  diagnostics.map((d) => `${d.severity === 'error' ? 'ERROR ' : ''}${d.kind} ${d.line}`);

const counts = (model: ReturnType<typeof loadSchema>['model']) => [
  model.constructors.length,
  model.functions.length,
  model.types.length,
];

describe.each(fileSets)('vendored schema $dir', (set) => {
  const api = path(`${set.dir}/api.tl`);
  const mtproto = path(`${set.dir}/mtproto.tl`);

  it('resolves api.tl alone with no error, and only the warnings of its odd lines', () => {
    const { model, diagnostics } = loadSchema([api]);
    expect(warnings(diagnostics)).toEqual(set.apiWarnings);
    expect(counts(model)).toEqual(set.api);
    expect(model.layer).toBe(set.layer);
  });

  it('resolves mtproto.tl alone with no error, and only the warnings of its odd lines', () => {
    const { model, diagnostics } = loadSchema([mtproto]);
    expect(warnings(diagnostics)).toEqual(set.mtprotoWarnings);
    expect(counts(model)).toEqual(set.mtproto);
    expect(model.constructorsByName.get('msg_container')!.fields[0].type).toEqual({
      kind: 'vector',
      boxed: false,
      element: { kind: 'bare', constructor: 'message' },
    });
  });

  it('merges api.tl and mtproto.tl with no error, the service `message` in namespace mtproto', () => {
    const { model, diagnostics } = loadSchema([api, mtproto]);
    expect(warnings(diagnostics)).toEqual([...set.apiWarnings, ...set.mtprotoWarnings]);
    expect(counts(model)).toEqual(set.merged);
    expect(model.constructorsByName.get('message')!.explicitId).toBe(true);
    const service = model.constructorsByName.get('mtproto.message')!;
    expect([service.namespace, service.localName, service.type, service.id]).toEqual([
      'mtproto',
      'message',
      'mtproto.Message',
      0x5bb8e511,
    ]);
    expect(model.constructorsByName.get('msg_container')!.fields[0].type).toEqual({
      kind: 'vector',
      boxed: false,
      element: { kind: 'bare', constructor: 'mtproto.message' },
    });
    expect(model.constructorsByName.get('msg_copy')!.fields[0].type).toEqual({
      kind: 'boxed',
      type: 'mtproto.Message',
    });
    expect(model.typesByName.get('Message')!.constructors).not.toContain('mtproto.message');
    expect(model.layer).toBe(set.layer);
    const shared = [...model.constructors, ...model.functions].flatMap((d) =>
      d.flagGroups.flatMap((g) => g.bits.filter((b) => b.fields.length > 1)),
    );
    expect(shared).toHaveLength(set.sharedBits);
    expect(model.functions.filter((f) => f.result.kind === 'vector')).toHaveLength(set.vectorResults);
  });

  it('scopes the same clash whichever file comes first', () => {
    const { model, diagnostics } = loadSchema([mtproto, api]);
    // Diagnostics come in the order of the files given.
    expect(warnings(diagnostics)).toEqual([...set.mtprotoWarnings, ...set.apiWarnings]);
    expect(counts(model)).toEqual(set.merged);
    expect(model.constructorsByName.get('mtproto.message')!.id).toBe(0x5bb8e511);
  });

  it('reproduces every written id except the known exceptions', () => {
    const mismatches: string[] = [];
    let written = 0;
    for (const file of [api, mtproto]) {
      for (const declaration of parseSchema(readFileSync(file, 'utf8'), file).declarations) {
        if (declaration.id === undefined) continue;
        written++;
        const computed = computeConstructorId(declaration);
        if (computed !== declaration.id)
          mismatches.push(
            `${declaration.name}#${declaration.id.toString(16)} computed ${computed.toString(16)}`,
          );
      }
    }
    expect(written).toBeGreaterThan(set.merged[0]);
    expect(mismatches).toEqual(set.idExceptions);
    const { model, diagnostics } = loadSchema([api, mtproto]);
    expect(diagnostics.filter((d) => d.kind === 'id-mismatch')).toEqual([]);
    const modelMismatches = [...model.constructors, ...model.functions].filter((d) => d.id !== d.computedId);
    expect(modelMismatches.map((d) => d.name)).toEqual(set.idExceptions.map((e) => e.split('#')[0]));
  });
});

describe('vendored schema details', () => {
  const { model } = loadSchema([path('schema/latest/api.tl')]);

  it('keeps the builtins out and error/null in', () => {
    for (const name of ['boolFalse', 'boolTrue', 'true', 'vector'])
      expect(model.constructorsByName.has(name)).toBe(false);
    for (const name of ['Bool', 'True', 'Vector']) expect(model.typesByName.has(name)).toBe(false);
    expect(model.constructorsByName.get('error')!.id).toBe(0xc4b9f9bb);
    expect(model.constructorsByName.get('null')!.id).toBe(0x56730bcc);
  });

  it('resolves messages.startBot as written in the seed', () => {
    const startBot = model.functionsByName.get('messages.startBot')!;
    expect(startBot.fields.map((f) => [f.name, f.type])).toEqual([
      ['bot', { kind: 'boxed', type: 'InputUser' }],
      ['peer', { kind: 'boxed', type: 'InputPeer' }],
      ['random_id', { kind: 'long' }],
      ['start_param', { kind: 'string' }],
    ]);
    expect(startBot.result).toEqual({ kind: 'boxed', type: 'Updates' });
    expect([startBot.namespace, startBot.localName, startBot.id]).toEqual([
      'messages',
      'startBot',
      0xe6df7378,
    ]);
  });
});
