// The one list of cases the differential tests do not compare, because the peer is proven wrong there
// (peer-bugs.test.ts shows each peer's wrong bytes next to ours, written out by hand). A sample is
// skipped only when its value tree contains the exact trigger; everything else is compared.

import { isBigInteger, isTlObject, type TlObject } from '@tlforge/runtime';
import { fieldName } from '../../packages/codegen/src/emit/naming.ts';
import type { TlDefinition } from '../../packages/codegen/src/model/schema-model.ts';

export interface PeerBug {
  id: string;
  /** Peers (`telegram@1.5.27`, `teleproto@214.1.7`) that have the bug. */
  peers: readonly string[];
  reason: string;
  /** True when this object (one node of a value tree) triggers the bug. */
  triggeredBy(node: TlObject, definition: TlDefinition): boolean;
}

const GRAMJS = 'telegram@1.5.27';
const TELEPROTO = 'teleproto@214.1.7';

function field(node: TlObject, name: string): unknown {
  return (node as unknown as Record<string, unknown>)[name];
}

const patchedMessages = new Set(['Message', 'MessageService', 'MessageEmpty']);

function negativeChatOrChannel(peer: unknown): boolean {
  if (!isTlObject(peer)) return false;
  const id =
    peer.className === 'PeerChat'
      ? field(peer, 'chatId')
      : peer.className === 'PeerChannel'
        ? field(peer, 'channelId')
        : undefined;
  // BigInteger in the default build, bigint in the `--long bigint` one.
  return (isBigInteger(id) && id.isNegative()) || (typeof id === 'bigint' && id < 0n);
}

export const peerBugs: readonly PeerBug[] = [
  {
    id: 'bool-false-flag-dropped',
    peers: [GRAMJS],
    reason:
      'a flags.N?Bool field set to false is treated as absent: bit clear, boolFalse not written (TL-NOTES §5: false is present)',
    triggeredBy: (node, definition) =>
      definition.fields.some(
        (f) =>
          f.condition !== undefined && f.type.kind === 'Bool' && field(node, fieldName(f.name)) === false,
      ),
  },
  {
    id: 'bare-vector-elements-boxed',
    peers: [GRAMJS, TELEPROTO],
    reason:
      'future_salts.salts is vector<future_salt> (bare elements) but every element is written with its id (TL-NOTES §6)',
    triggeredBy: (node) => node.className === 'FutureSalts',
  },
  {
    id: 'id-less-line-hashed-without-arguments',
    peers: [GRAMJS, TELEPROTO],
    reason:
      'the tls* lines carry no #id; the peer hashes "name = Result" only (crc32("tlsBlockRandom = TlsBlock") = c2aab288) instead of the whole normalized line (TL-NOTES §3)',
    triggeredBy: (node) =>
      node.className.startsWith('Tls') &&
      node.className !== 'TlsBlockDomain' &&
      node.className !== 'TlsBlockPublicKey',
  },
  {
    id: 'random-id-zero-replaced',
    peers: [GRAMJS, TELEPROTO],
    reason:
      'a randomId of 0 is replaced by a random 64-bit value, which in an int field (phone.requestCall random_id:int) throws a RangeError',
    triggeredBy: (node) => field(node, 'randomId') === 0,
  },
  {
    id: 'patched-message-id-zero',
    peers: [TELEPROTO],
    reason:
      'the patched Message/MessageService/MessageEmpty constructor throws "id is a required attribute" for id 0',
    triggeredBy: (node) => patchedMessages.has(node.className) && field(node, 'id') === 0,
  },
  {
    id: 'patched-message-rewrites-peer-ids',
    peers: [TELEPROTO],
    reason:
      'the patched Message constructor resolves the sender in place (utils.getPeerId): a PeerChat or PeerChannel with a negative id in fromId (or in peerId of a post) is rewritten (-3 → 3) and written so',
    triggeredBy: (node) =>
      patchedMessages.has(node.className) &&
      (negativeChatOrChannel(field(node, 'fromId')) ||
        (field(node, 'post') === true && negativeChatOrChannel(field(node, 'peerId')))),
  },
];

/** Definitions the peer does not have at all (commented out in its schema copy, or not generated). */
export const absentFromPeer: Readonly<Record<string, readonly string[]>> = {
  [GRAMJS]: ['error', 'null', 'rpc_result', 'mtproto.message', 'msg_container', 'msg_copy', 'gzip_packed'],
  [TELEPROTO]: ['error', 'null', 'rpc_result', 'mtproto.message', 'msg_container', 'msg_copy', 'gzip_packed'],
};

/** The bugs of `peer` that some node of `value` triggers. */
export function triggeredBugs(
  value: unknown,
  peer: string,
  definitionOf: (node: TlObject) => TlDefinition,
  into: Set<string> = new Set(),
): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) triggeredBugs(item, peer, definitionOf, into);
  } else if (isTlObject(value)) {
    const definition = definitionOf(value);
    for (const bug of peerBugs)
      if (bug.peers.includes(peer) && bug.triggeredBy(value, definition)) into.add(bug.id);
    for (const key of Object.keys(value)) triggeredBugs(field(value, key), peer, definitionOf, into);
  }
  return into;
}
