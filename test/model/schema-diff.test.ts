// `diffSchemas`: definitions matched by kind and TL name, every change with its breaking flag, types
// that gained or lost constructors. Pinned on the vendored layers 122 → 214 (explicit folders, so
// the test keeps its meaning when schema/latest moves on) and on small schemas, one rule each.

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import { diffSchemas, type TlSchemaDiff } from '../../packages/codegen/src/model/schema-diff.ts';
import type { TlSchemaModel } from '../../packages/codegen/src/model/schema-model.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

const root = new URL('../../', import.meta.url);
const path = (relative: string) => new URL(relative, root).pathname;

/** Layer 214 is vendored in schema/layer214 once a newer layer is schema/latest. */
const layer214Dir = existsSync(path('schema/layer214')) ? 'schema/layer214' : 'schema/latest';

function loadSet(dir: string): TlSchemaModel {
  const { model, diagnostics } = loadSchema([path(`${dir}/api.tl`), path(`${dir}/mtproto.tl`)]);
  expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  return model;
}

function model(text: string): TlSchemaModel {
  const { model, diagnostics } = resolveSchema([parseSchema(text, 'test.tl')]);
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  return model;
}

function diff(before: string, after: string): TlSchemaDiff {
  return diffSchemas(model(before), model(after));
}

/** Each definition's key in the diff: `constructor user`, `function messages.startBot`. */
function keys(model: TlSchemaModel): Set<string> {
  return new Set([
    ...model.constructors.map((c) => `constructor ${c.name}`),
    ...model.functions.map((f) => `function ${f.name}`),
  ]);
}

describe('diffSchemas: layer 122 → layer 214', () => {
  const layer122 = loadSet('schema/layer122');
  const layer214 = loadSet(layer214Dir);
  const result = diffSchemas(layer122, layer214);
  const changed = (name: string) => result.changed.find((definition) => definition.name === name);

  it('compares the layers the files declare', () => {
    expect([result.from.layer, result.to.layer]).toEqual([122, 214]);
    expect(result.to.files).toEqual([path(`${layer214Dir}/api.tl`), path(`${layer214Dir}/mtproto.tl`)]);
  });

  it('puts every definition of either layer in exactly one of added, removed, changed, unchanged', () => {
    const before = keys(layer122);
    const after = keys(layer214);
    const union = new Set([...before, ...after]);
    const key = (d: { kind: string; name: string }) => `${d.kind} ${d.name}`;
    expect(result.added.map(key).every((k) => after.has(k) && !before.has(k))).toBe(true);
    expect(result.removed.map(key).every((k) => before.has(k) && !after.has(k))).toBe(true);
    expect(result.changed.map(key).every((k) => before.has(k) && after.has(k))).toBe(true);
    expect(result.added.length + result.removed.length + result.changed.length + result.unchanged).toBe(
      union.size,
    );
    expect(new Set([...result.added, ...result.removed, ...result.changed].map(key)).size).toBe(
      result.added.length + result.removed.length + result.changed.length,
    );
  });

  it('counts 987 added, 14 removed, 343 changed (320 breaking) and 935 unchanged', () => {
    const ofKind = (list: ReadonlyArray<{ kind: string }>, kind: string) =>
      list.filter((d) => d.kind === kind).length;
    // Checked against the declarations: 1528 + 737 definitions in 214, 922 + 370 in 122.
    expect({
      added: [ofKind(result.added, 'constructor'), ofKind(result.added, 'function')],
      removed: [ofKind(result.removed, 'constructor'), ofKind(result.removed, 'function')],
      changed: [ofKind(result.changed, 'constructor'), ofKind(result.changed, 'function')],
      breaking: result.changed.filter((d) => d.breaking).length,
      unchanged: result.unchanged,
      types: [
        result.types.filter((t) => t.change === 'added').length,
        result.types.filter((t) => t.change === 'removed').length,
        result.types.filter((t) => t.change === 'members-changed').length,
      ],
    }).toEqual({
      added: [614, 373],
      removed: [8, 6],
      changed: [222, 121],
      breaking: 320,
      unchanged: 935,
      types: [255, 3, 40],
    });
  });

  it('marks every definition with a new id breaking: the id changed with every breaking change here', () => {
    for (const definition of result.changed) {
      expect(definition.breaking).toBe(definition.idBefore !== definition.idAfter);
    }
  });

  it('leaves messages.startBot, the same declaration in both layers, out of every list', () => {
    const declaration =
      'messages.startBot#e6df7378 bot:InputUser peer:InputPeer random_id:long start_param:string = Updates';
    expect(layer122.functionsByName.get('messages.startBot')!.source).toContain(declaration);
    expect(layer214.functionsByName.get('messages.startBot')!.source).toContain(declaration);
    const everywhere = [...result.added, ...result.removed, ...result.changed];
    expect(everywhere.filter((d) => d.name === 'messages.startBot')).toEqual([]);
  });

  it('lists the changes of user: a new id, `id` retyped to long, 22 optional fields and a flags word', () => {
    const optional = (field: string, after: string) => ({
      kind: 'field-added-optional',
      field,
      after,
      breaking: false,
    });
    expect(changed('user')).toEqual({
      name: 'user',
      kind: 'constructor',
      idBefore: '938458c1',
      idAfter: '020b1422',
      breaking: true,
      changes: [
        { kind: 'id-changed', before: '938458c1', after: '020b1422', breaking: true },
        optional('fake', 'flags.26?true'),
        optional('bot_attach_menu', 'flags.27?true'),
        optional('premium', 'flags.28?true'),
        optional('attach_menu_enabled', 'flags.29?true'),
        { kind: 'flags-word-added', field: 'flags2', after: '#', breaking: false },
        optional('bot_can_edit', 'flags2.1?true'),
        optional('close_friend', 'flags2.2?true'),
        optional('stories_hidden', 'flags2.3?true'),
        optional('stories_unavailable', 'flags2.4?true'),
        optional('contact_require_premium', 'flags2.10?true'),
        optional('bot_business', 'flags2.11?true'),
        optional('bot_has_main_app', 'flags2.13?true'),
        { kind: 'field-type-changed', field: 'id', before: 'int', after: 'long', breaking: true },
        optional('emoji_status', 'flags.30?EmojiStatus'),
        optional('usernames', 'flags2.0?Vector<Username>'),
        optional('stories_max_id', 'flags2.5?int'),
        optional('color', 'flags2.8?PeerColor'),
        optional('profile_color', 'flags2.9?PeerColor'),
        optional('bot_active_users', 'flags2.12?int'),
        optional('bot_verification_icon', 'flags2.14?long'),
        optional('send_paid_messages_stars', 'flags2.15?long'),
      ],
    });
  });

  it('keeps inputMediaPhoto, which only gained `spoiler:flags.1?true`, at its id and not breaking', () => {
    expect(changed('inputMediaPhoto')).toEqual({
      name: 'inputMediaPhoto',
      kind: 'constructor',
      idBefore: 'b3ba0635',
      idAfter: 'b3ba0635',
      breaking: false,
      changes: [{ kind: 'field-added-optional', field: 'spoiler', after: 'flags.1?true', breaking: false }],
    });
  });

  it('reports the new result, arguments and id of account.verifyEmail', () => {
    expect(changed('account.verifyEmail')).toEqual({
      name: 'account.verifyEmail',
      kind: 'function',
      idBefore: 'ecba39db',
      idAfter: '032da4cf',
      breaking: true,
      changes: [
        { kind: 'id-changed', before: 'ecba39db', after: '032da4cf', breaking: true },
        { kind: 'result-type-changed', before: 'Bool', after: 'account.EmailVerified', breaking: true },
        { kind: 'field-added-required', field: 'purpose', after: 'EmailVerifyPurpose', breaking: true },
        { kind: 'field-added-required', field: 'verification', after: 'EmailVerification', breaking: true },
        { kind: 'field-removed', field: 'email', before: 'string', breaking: true },
        { kind: 'field-removed', field: 'code', before: 'string', breaking: true },
      ],
    });
  });

  it('lists added and removed definitions with their id and type', () => {
    expect(result.added.filter((d) => d.name === 'birthday' || d.name === 'messages.sendReaction')).toEqual([
      { name: 'birthday', kind: 'constructor', id: '6c8e1e06', type: 'Birthday' },
      { name: 'messages.sendReaction', kind: 'function', id: 'd30d78d4', type: 'Updates' },
    ]);
    expect(result.removed.map((d) => `${d.kind} ${d.name}#${d.id} = ${d.type}`)).toEqual([
      'function channels.deleteUserHistory#d10dd71b = messages.AffectedHistory',
      'constructor chatInviteEmpty#69df3769 = ExportedChatInvite',
      'constructor fileLocationToBeDeprecated#bc7fc6cd = FileLocation',
      'function folders.deleteFolder#1c295881 = Updates',
      'function help.getAppChangelog#9010ef6f = Updates',
      'constructor inputPaymentCredentialsAndroidPay#ca05d50e = InputPaymentCredentials',
      'constructor messageInteractionCounters#ad4fc9bd = MessageInteractionCounters',
      'constructor messageUserVote#a28e5559 = MessageUserVote',
      'constructor messageUserVoteInputOption#36377430 = MessageUserVote',
      'constructor messageUserVoteMultiple#0e8fe0de = MessageUserVote',
      'function messages.getAllChats#eba80ff0 = messages.Chats',
      'function messages.getStatsURL#812c2ae6 = StatsURL',
      'function phone.editGroupCallMember#63146ae4 = Updates',
      'constructor updateUserPhoto#95313b0c = Update',
    ]);
  });

  it('reports the types that gained or lost constructors', () => {
    const type = (name: string) => result.types.find((t) => t.name === name);
    expect(type('BotInlineMessage')).toEqual({
      name: 'BotInlineMessage',
      change: 'members-changed',
      joined: ['botInlineMessageMediaInvoice', 'botInlineMessageMediaWebPage'],
      left: [],
    });
    expect(type('MessageUserVote')).toEqual({
      name: 'MessageUserVote',
      change: 'removed',
      joined: [],
      left: ['messageUserVote', 'messageUserVoteInputOption', 'messageUserVoteMultiple'],
    });
    expect(type('User')).toBeUndefined();
  });

  it('sorts every list by name', () => {
    const sorted = (names: string[]) => [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const list of [result.added, result.removed, result.changed, result.types]) {
      const names = list.map((item) => item.name);
      expect(names).toEqual(sorted(names));
    }
  });

  it('finds nothing between a layer and itself', () => {
    const same = diffSchemas(layer214, loadSet(layer214Dir));
    expect([same.added, same.removed, same.changed, same.types]).toEqual([[], [], [], []]);
    expect(same.unchanged).toBe(layer214.constructors.length + layer214.functions.length);
  });
});

describe('diffSchemas: the breaking rule', () => {
  it('keeps the id of a definition that gains a `flags.N?true` field: not breaking', () => {
    const result = diff(
      'a flags:# x:int = A;\n---functions---\nf flags:# x:int = A;',
      'a flags:# quiet:flags.0?true x:int = A;\n---functions---\nf flags:# quiet:flags.0?true x:int = A;',
    );
    expect(result.changed.map((d) => [d.name, d.idBefore === d.idAfter, d.breaking, d.changes])).toEqual(
      ['a', 'f'].map((name) => [
        name,
        true,
        false,
        [{ kind: 'field-added-optional', field: 'quiet', after: 'flags.0?true', breaking: false }],
      ]),
    );
  });

  it('breaks on the new id alone when another optional field is added', () => {
    const result = diff('a flags:# x:int = A;', 'a flags:# x:int y:flags.0?string = A;');
    expect(result.changed[0].breaking).toBe(true);
    expect(result.changed[0].changes.map((c) => [c.kind, c.breaking])).toEqual([
      ['id-changed', true],
      ['field-added-optional', false],
    ]);
  });

  it('breaks on a required field added to a constructor or a method', () => {
    const result = diff(
      'a x:int = A;\n---functions---\nf x:int = A;',
      'a x:int y:int = A;\n---functions---\nf x:int y:int = A;',
    );
    for (const definition of result.changed) {
      expect(definition.changes[1]).toEqual({
        kind: 'field-added-required',
        field: 'y',
        after: 'int',
        breaking: true,
      });
    }
  });

  it("breaks on a constructor's field made optional, not on a method's argument", () => {
    const result = diff(
      'a flags:# x:int = A;\n---functions---\nf flags:# x:int = A;',
      'a flags:# x:flags.0?int = A;\n---functions---\nf flags:# x:flags.0?int = A;',
    );
    expect(result.changed.map((d) => [d.kind, d.changes[1]])).toEqual([
      ['constructor', { kind: 'field-made-optional', field: 'x', after: 'flags.0', breaking: true }],
      ['function', { kind: 'field-made-optional', field: 'x', after: 'flags.0', breaking: false }],
    ]);
  });

  it('reports a field removed, retyped, made required and moved to another bit', () => {
    const result = diff(
      'a flags:# w:int x:int y:flags.0?int z:flags.1?int = A;',
      'a flags:# x:long y:int z:flags.2?int = A;',
    );
    expect(result.changed[0].changes.slice(1)).toEqual([
      { kind: 'field-type-changed', field: 'x', before: 'int', after: 'long', breaking: true },
      { kind: 'field-made-required', field: 'y', before: 'flags.0', breaking: true },
      { kind: 'field-flag-moved', field: 'z', before: 'flags.1', after: 'flags.2', breaking: false },
      { kind: 'field-removed', field: 'w', before: 'int', breaking: true },
    ]);
  });

  it('reports flags words and reordered fields as not breaking by themselves', () => {
    const result = diff('a x:int y:int = A;', 'a flags:# y:int x:int n:flags.0?true = A;');
    expect(result.changed[0].changes).toEqual([
      expect.objectContaining({ kind: 'id-changed', breaking: true }),
      { kind: 'flags-word-added', field: 'flags', after: '#', breaking: false },
      { kind: 'field-added-optional', field: 'n', after: 'flags.0?true', breaking: false },
      { kind: 'fields-reordered', before: 'x y', after: 'y x', breaking: false },
    ]);
    const back = diff('a flags:# x:int = A;', 'a x:int = A;');
    expect(back.changed[0].changes[1]).toEqual({
      kind: 'flags-word-removed',
      field: 'flags',
      before: '#',
      breaking: false,
    });
  });

  it("breaks on a method's result type and a constructor's boxed type", () => {
    const result = diff(
      'a x:int = A;\nb = B;\n---functions---\nf = A;',
      'a x:int = B;\nb = B;\nc = C;\n---functions---\nf = Vector<B>;',
    );
    expect(result.changed.map((d) => d.changes.slice(1))).toEqual([
      [{ kind: 'type-changed', before: 'A', after: 'B', breaking: true }],
      [{ kind: 'result-type-changed', before: 'A', after: 'Vector<B>', breaking: true }],
    ]);
    expect(result.types).toEqual([
      { name: 'A', change: 'removed', joined: [], left: ['a'] },
      { name: 'B', change: 'members-changed', joined: ['a'], left: [] },
      { name: 'C', change: 'added', joined: ['c'], left: [] },
    ]);
  });

  it('shows a rename as a removal and an addition, and matches constructors and methods apart', () => {
    const result = diff(
      'a = A;\nb = A;\n---functions---\nold = A;',
      'a = A;\n---functions---\nb = A;\nnew = A;',
    );
    expect(result.removed.map((d) => [d.kind, d.name])).toEqual([
      ['constructor', 'b'],
      ['function', 'old'],
    ]);
    expect(result.added.map((d) => [d.kind, d.name])).toEqual([
      ['function', 'b'],
      ['function', 'new'],
    ]);
    expect(result.unchanged).toBe(1);
  });
});
