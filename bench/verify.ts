// Before anything is timed: every library must encode each payload to the same bytes as the reference
// (tlforge, or teleproto while tlforge's generated code is absent), and must decode its own bytes
// back into an object that re-encodes to those bytes; for a payload with a rotation, every message of
// it.

import type { LibraryAdapter } from './adapters/library-adapter.ts';
import { type Payload, payloadMessages } from './payloads.ts';
import { countConstructors } from './tl-tree.ts';

export interface LibraryCheck {
  readonly adapter: LibraryAdapter;
  /** The library's own encoding (its own layer) of the payload: of the first message of a rotation. */
  readonly bytes: Uint8Array;
  /** Every message of the payload (the one message without a rotation), built once. */
  readonly objects: readonly unknown[];
  /** Their encodings, `bytes` first. */
  readonly encodings: readonly Uint8Array[];
  /** Its own bytes equal the reference bytes. */
  readonly identical: boolean;
  /** For another layer: its writers with layer 214's ids/layouts give the reference bytes. */
  readonly identicalAsLayer214?: boolean;
  /** Why its own bytes differ, constructor by constructor. */
  readonly difference?: string;
  /** Undefined when decoding worked and the decoded object re-encoded to the same bytes. */
  readonly decodeProblem?: string;
}

export interface PayloadCheck {
  readonly payload: Payload;
  readonly referenceKey: string;
  readonly reference: Uint8Array;
  readonly libraries: readonly LibraryCheck[];
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

function firstDifference(a: Uint8Array, b: Uint8Array): string {
  const n = Math.min(a.byteLength, b.byteLength);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  const hex = (x: Uint8Array) => Buffer.from(x.subarray(i, i + 16)).toString('hex');
  return `${a.byteLength} vs ${b.byteLength} bytes, first difference at byte ${i}: ${hex(a)} vs ${hex(b)}`;
}

function explainLayer(adapter: LibraryAdapter, payload: Payload): string | undefined {
  const counts = countConstructors(payload.root);
  const parts: string[] = [];
  for (const d of adapter.layerDifferences ?? []) {
    const n = counts.get(d.ctor);
    if (n === undefined) continue;
    const ids = `#${d.idLibrary.toString(16)} instead of #${d.id214.toString(16)}`;
    parts.push(`${d.ctor} ×${n}: ${ids}${d.layout ? `; ${d.layout}` : ''}`);
  }
  return parts.length > 0 ? `layer ${adapter.layer} vs 214: ${parts.join('; ')}` : undefined;
}

/** Which message of a rotation a problem is in; nothing for a payload of one message. */
function messageLabel(index: number, count: number): string {
  return count === 1 ? '' : `message ${index + 1} of ${count}: `;
}

function checkDecodeAll(
  adapter: LibraryAdapter,
  payload: Payload,
  encodings: readonly Uint8Array[],
): string | undefined {
  const unsupported = adapter.cannotDecode?.(payload.root, payload.isRequest);
  if (unsupported !== undefined) return unsupported;
  for (let i = 0; i < encodings.length; i++) {
    const problem = checkDecode(adapter, encodings[i]);
    if (problem !== undefined) return `${messageLabel(i, encodings.length)}${problem}`;
  }
  return undefined;
}

function checkDecode(adapter: LibraryAdapter, bytes: Uint8Array): string | undefined {
  let decoded: unknown;
  try {
    decoded = adapter.deserialize(bytes);
  } catch (e) {
    return `decoding its own bytes failed: ${(e as Error).message}`;
  }
  let again: Uint8Array;
  try {
    again = adapter.serialize(decoded);
  } catch (e) {
    return `re-encoding the decoded object failed: ${(e as Error).message}`;
  }
  return bytesEqual(again, bytes)
    ? undefined
    : `decoded object re-encodes differently: ${firstDifference(again, bytes)}`;
}

export function verifyPayload(payload: Payload, adapters: readonly LibraryAdapter[]): PayloadCheck {
  const messages = payloadMessages(payload);
  const built = adapters.map((adapter) => {
    const objects = messages.map((root) => adapter.build(root));
    return { adapter, objects, encodings: objects.map((obj) => adapter.serialize(obj)) };
  });
  const referenceEntry =
    built.find((b) => b.adapter.key === 'tlforge') ?? built.find((b) => b.adapter.layer === 214);
  if (referenceEntry === undefined) throw new Error('no layer-214 library to compare with');
  const references = referenceEntry.encodings;
  if (new Set(references.map((bytes) => Buffer.from(bytes).toString('hex'))).size !== references.length)
    throw new Error(`${payload.id}: the messages of the rotation are not all different`);
  const libraries = built.map(({ adapter, objects, encodings }): LibraryCheck => {
    // The first message that differs from the reference decides; a rotation must match throughout.
    const differing = encodings.findIndex((bytes, i) => !bytesEqual(bytes, references[i]));
    const identical = differing < 0;
    let identicalAsLayer214: boolean | undefined;
    let difference: string | undefined;
    if (!identical) {
      if (adapter.layer !== 214 && adapter.serializeAsLayer214 !== undefined) {
        const as214 = objects.map((obj) => adapter.serializeAsLayer214!(obj));
        const differing214 = as214.findIndex((bytes, i) => !bytesEqual(bytes, references[i]));
        identicalAsLayer214 = differing214 < 0;
        difference = identicalAsLayer214
          ? explainLayer(adapter, payload)
          : `${messageLabel(differing214, as214.length)}even with layer 214 ids: ${firstDifference(
              as214[differing214],
              references[differing214],
            )}`;
      } else {
        const label = messageLabel(differing, encodings.length);
        difference = `${label}${firstDifference(encodings[differing], references[differing])}`;
      }
    }
    return {
      adapter,
      bytes: encodings[0],
      objects,
      encodings,
      identical,
      identicalAsLayer214,
      difference,
      decodeProblem: checkDecodeAll(adapter, payload, encodings),
    };
  });
  return { payload, referenceKey: referenceEntry.adapter.key, reference: references[0], libraries };
}

/** Every library encodes the same logical payload (directly, or through its layer-214 writers). */
export function sameLogicalBytes(check: LibraryCheck): boolean {
  return check.identical || check.identicalAsLayer214 === true;
}
