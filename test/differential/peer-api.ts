// The independent implementations the differential tests compare against: GramJS `telegram@1.5.27`
// (layer 122) and `teleproto@214.1.7` (layer 214), both loaded with `require` as applications do. An
// instance of our generated classes is mapped to the peer's class of the same GramJS name, field by
// field (longs and int128/int256 as the peer's big-integer values, bytes as Buffers).

import { createRequire } from 'node:module';
import { isTlObject, type TlObject } from '@tlforge/runtime';
import type { BigInteger } from 'big-integer';
import { fieldName } from '../../packages/codegen/src/emit/naming.ts';
import type { TlDefinition, TlTypeRef } from '../../packages/codegen/src/model/schema-model.ts';
import type { SchemaSet } from '../property/schema-sets.ts';

const require = createRequire(import.meta.url);

/** What the peers' runtime-built classes look like from outside. */
export interface PeerObject {
  CONSTRUCTOR_ID: number;
  className: string;
  getBytes(): Buffer;
}
type PeerClass = new (args: Record<string, unknown>) => PeerObject;
type PeerNamespace = Record<string, unknown>;

export interface Peer {
  /** `telegram@1.5.27` or `teleproto@214.1.7`. */
  name: string;
  set: 'layer214' | 'layer122';
  Api: PeerNamespace;
  /** The big-integer copy the peer resolves (its `instanceof` checks need that very copy). */
  bigInt: (value: string) => BigInteger;
}

function loadPeer(name: string, module: string, set: Peer['set']): Peer {
  const version = (require(`${module}/package.json`) as { version: string }).version;
  const { Api } = require(module) as { Api: PeerNamespace };
  const peerRequire = createRequire(require.resolve(module));
  const bigInt = peerRequire('big-integer') as (value: string) => BigInteger;
  if (`${module}@${version}` !== name) throw new Error(`expected ${name}, found ${module}@${version}`);
  return { name, set, Api, bigInt };
}

export const gramjs = (): Peer => loadPeer('telegram@1.5.27', 'telegram', 'layer122');
export const teleproto = (): Peer => loadPeer('teleproto@214.1.7', 'teleproto', 'layer214');

/** The peer's class named like ours (`messages.StartBot` → `Api.messages.StartBot`), if it has one. */
export function peerClass(peer: Peer, className: string): PeerClass | undefined {
  let node: unknown = peer.Api;
  for (const part of className.split('.')) {
    if (typeof node !== 'object' && typeof node !== 'function') return undefined;
    node = (node as PeerNamespace | undefined)?.[part];
  }
  return typeof node === 'function' ? (node as PeerClass) : undefined;
}

/** Unsigned little-endian value of raw bytes: GramJS writes int128/int256 from such a number. */
function littleEndianValue(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]);
  return value;
}

export class PeerMapper {
  private readonly byId = new Map<number, TlDefinition>();

  constructor(
    readonly peer: Peer,
    readonly set: SchemaSet,
  ) {
    for (const definition of set.definitions) this.byId.set(definition.id, definition);
  }

  definitionOf(value: TlObject): TlDefinition {
    const definition = this.byId.get(value.CONSTRUCTOR_ID);
    if (definition === undefined) throw new Error(`${value.className} is not a class of ${this.set.name}`);
    return definition;
  }

  /** Our instance as the peer's instance; throws when the peer has no class of that name. */
  object(value: TlObject, definition = this.definitionOf(value)): PeerObject {
    const cls = peerClass(this.peer, value.className);
    if (cls === undefined) throw new MissingPeerClass(value.className);
    const args: Record<string, unknown> = {};
    for (const field of definition.fields) {
      if (field.type.kind === 'flags') continue;
      const name = fieldName(field.name);
      args[name] = this.value((value as unknown as Record<string, unknown>)[name], field.type);
    }
    return new cls(args);
  }

  private value(value: unknown, type: TlTypeRef): unknown {
    if (value === undefined || value === null) return value;
    switch (type.kind) {
      case 'long':
        return this.peer.bigInt(String(value));
      case 'int128':
      case 'int256':
        return this.peer.bigInt(littleEndianValue(value as Uint8Array).toString());
      case 'bytes':
        return Buffer.from(value as Uint8Array);
      case 'vector':
        return (value as unknown[]).map((item) => this.value(item, type.element));
      case 'boxed':
      case 'bare':
      case 'object':
      case 'typeVar':
        if (!isTlObject(value)) throw new Error(`expected a TL object, got ${String(value)}`);
        return this.object(value);
      default:
        return value;
    }
  }
}

export class MissingPeerClass extends Error {
  constructor(readonly className: string) {
    super(`the peer has no class ${className}`);
    this.name = 'MissingPeerClass';
  }
}
