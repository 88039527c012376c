// mtcute (@mtcute/tl@223.0.0 on @mtcute/tl-runtime@0.29.0, layer 223): plain objects
// `{ _: 'messages.messages', ... }`, `long` fields as `Long` (the `long` package), ids typed `int53`
// in mtcute's schema as plain numbers; `TlBinaryWriter.serializeObject` (size pre-pass + write) and
// `TlBinaryReader.deserializeObject` with the generated writer/reader maps.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { __tlReaderMap } from '@mtcute/tl/binary/reader.js';
import { __tlWriterMap } from '@mtcute/tl/binary/writer.js';
import { TlBinaryReader, TlBinaryWriter, type TlWriterMap } from '@mtcute/tl-runtime';
import { packageVersion } from '../package-version.ts';
import { camelCase, isTlNode, type TlNode, type TlValue } from '../tl-tree.ts';
import type { LayerDifference, LibraryAdapter } from './library-adapter.ts';

interface SchemaArgument {
  readonly name: string;
  readonly type: string;
  readonly typeModifiers?: { readonly predicate?: string; readonly isVector?: boolean };
}
interface SchemaEntry {
  readonly kind: 'class' | 'method';
  readonly name: string;
  readonly id: number;
  readonly arguments: readonly SchemaArgument[];
}
interface LongValue {
  readonly low: number;
  readonly high: number;
}
interface LongClass {
  fromBits(low: number, high: number, unsigned?: boolean): LongValue;
}
type MtcuteObject = { _: string } & Record<string, unknown>;
/** The writer surface the layer-214 writers below use (TlBinaryWriter and TlSerializationCounter). */
interface MtcuteWriter {
  pos?: number;
  dataView?: DataView;
  uint(v: number): void;
  string(v: string): void;
  bytes(v: Uint8Array): void;
  object(v: unknown): void;
  vector(fn: (item: unknown) => void, items: readonly unknown[]): void;
}
type WriterFn = (w: MtcuteWriter, v: MtcuteObject) => void;

const require = createRequire(import.meta.url);

function loadSchema(): Map<string, SchemaEntry> {
  const path = require.resolve('@mtcute/tl/api-schema.json');
  const json = JSON.parse(readFileSync(path, 'utf8')) as { e: SchemaEntry[] };
  return new Map(json.e.map((e) => [e.name, e]));
}

/** The `Long` class of the runtime's own copy of the `long` package, taken from a value it reads. */
function runtimeLongClass(): LongClass {
  const sample = TlBinaryReader.manual(new Uint8Array(8)).long() as unknown as { constructor: LongClass };
  return sample.constructor;
}

const differences: readonly LayerDifference[] = [
  {
    ctor: 'messages.messages',
    id214: 0x8c718e87,
    idLibrary: 0x1d73e7ea,
    layout: 'layer 223 adds `topics:Vector<ForumTopic>` after `messages` (8 bytes when empty)',
  },
  { ctor: 'message', id214: 0x9815cec8, idLibrary: 0x3ae56482 },
  { ctor: 'user', id214: 0x020b1422, idLibrary: 0x31774388 },
  { ctor: 'messages.sendMessage', id214: 0xfe05dc9a, idLibrary: 0x545cd15a },
  {
    ctor: 'keyboardButtonUrl',
    id214: 0x258aff05,
    idLibrary: 0xd80c25ec,
    layout: 'layer 223 adds a `flags` word (`style:flags.10?KeyboardButtonStyle`): +4 bytes',
  },
  {
    ctor: 'keyboardButtonCallback',
    id214: 0x35bbdb6b,
    idLibrary: 0xe62bc960,
    layout: 'layer 223 adds `style:flags.10?KeyboardButtonStyle` to the existing flags word',
  },
];

/** Fields that exist only in layer 223: the id-swapped writers are exact only while these are unset. */
const fieldsOnlyIn223: Readonly<Record<string, readonly string[]>> = {
  message: ['fromRank', 'scheduleRepeatPeriod', 'summaryFromLanguage'],
  user: ['botForumView', 'botForumCanManageTopics', 'storiesMaxId'],
  'messages.sendMessage': ['scheduleRepeatPeriod'],
  keyboardButtonUrl: ['style'],
  keyboardButtonCallback: ['style'],
};

/**
 * mtcute's writer map with layer 214's constructors where the two layers differ: same-layout
 * constructors keep mtcute's own writer and only get their id rewritten; the others are written with
 * mtcute's primitives in layer 214's layout.
 */
function layer214WriterMap(): TlWriterMap {
  const map = { ...(__tlWriterMap as unknown as Record<string, WriterFn>) };
  const guard = (v: MtcuteObject): void => {
    for (const field of fieldsOnlyIn223[v._] ?? []) {
      if (v[field] !== undefined) throw new Error(`${v._}.${field} has no layer-214 encoding`);
    }
  };
  for (const ctor of ['message', 'user', 'messages.sendMessage']) {
    const original = map[ctor];
    const id214 = differences.find((d) => d.ctor === ctor)!.id214;
    map[ctor] = (w, v) => {
      guard(v);
      const start = w.pos ?? 0;
      original(w, v);
      w.dataView?.setUint32(start, id214, true);
    };
  }
  map['messages.messages'] = (w, v) => {
    w.uint(0x8c718e87);
    w.vector(w.object, v.messages as unknown[]);
    w.vector(w.object, v.chats as unknown[]);
    w.vector(w.object, v.users as unknown[]);
  };
  map.keyboardButtonUrl = (w, v) => {
    guard(v);
    w.uint(0x258aff05);
    w.string(v.text as string);
    w.string(v.url as string);
  };
  map.keyboardButtonCallback = (w, v) => {
    guard(v);
    w.uint(0x35bbdb6b);
    w.uint(v.requiresPassword === true ? 1 : 0);
    w.string(v.text as string);
    w.bytes(v.data as Uint8Array);
  };
  return map as unknown as TlWriterMap;
}

export function createMtcuteAdapter(): LibraryAdapter {
  const schema = loadSchema();
  const Long = runtimeLongClass();
  const writerMap = __tlWriterMap as unknown as TlWriterMap;
  const writerMap214 = layer214WriterMap();
  const tlVersion = packageVersion('@mtcute/tl');
  const runtimeVersion = packageVersion('@mtcute/tl-runtime');

  const toLong = (v: bigint): LongValue =>
    Long.fromBits(Number(BigInt.asIntN(32, v)), Number(BigInt.asIntN(32, v >> 32n)));

  const convert = (v: TlValue, arg: SchemaArgument): unknown => {
    if (typeof v === 'bigint') {
      if (arg.type === 'int53') return Number(v);
      if (arg.type === 'long') return toLong(v);
      throw new Error(`bigint given for ${arg.name}:${arg.type}`);
    }
    if (Array.isArray(v)) return v.map((item) => convert(item, arg));
    if (isTlNode(v as TlValue)) return build(v as TlNode);
    return v;
  };

  const build = (node: TlNode): MtcuteObject => {
    const entry = schema.get(node.ctor);
    if (entry === undefined) throw new Error(`mtcute's layer has no ${node.ctor}`);
    const out: MtcuteObject = { _: node.ctor };
    for (const arg of entry.arguments) {
      if (arg.type === '#') continue;
      const value = node.fields[arg.name];
      if (value !== undefined) {
        out[camelCase(arg.name)] = convert(value, arg);
      } else if (arg.typeModifiers?.predicate === undefined) {
        // A required field that layer 214 does not have (messages.messages.topics): empty vector.
        if (arg.typeModifiers?.isVector !== true)
          throw new Error(`${node.ctor}.${arg.name} required in layer 223`);
        out[camelCase(arg.name)] = [];
      }
    }
    for (const name of Object.keys(node.fields)) {
      if (!entry.arguments.some((a) => a.name === name))
        throw new Error(`${node.ctor}.${name} not in layer 223`);
    }
    return out;
  };

  return {
    key: 'mtcute',
    label: `@mtcute/tl ${tlVersion} + tl-runtime ${runtimeVersion}`,
    layer: 223,
    build,
    serialize(obj: unknown): Uint8Array {
      return TlBinaryWriter.serializeObject(writerMap, obj as MtcuteObject);
    },
    deserialize(bytes: Uint8Array): unknown {
      return TlBinaryReader.deserializeObject(__tlReaderMap, bytes);
    },
    serializeAsLayer214(obj: unknown): Uint8Array {
      return TlBinaryWriter.serializeObject(writerMap214, obj as MtcuteObject);
    },
    layerDifferences: differences,
    cannotDecode(_root: TlNode, isRequest: boolean): string | undefined {
      return isRequest ? 'mtcute has no readers for TL functions (requests)' : undefined;
    },
  };
}
