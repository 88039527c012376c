// Mutation fuzzing of the generated decoders. Every input must either be rejected with a
// TlDecodeError (UnknownConstructorError included) or decode to a value that re-serializes to exactly
// the input: strict mode accepts canonical encodings only. Any other exception, or a slow input, is a
// bug. Seeded and deterministic: the same seed replays the same inputs.

import { gzipSync } from 'node:zlib';
import { TlDecodeError } from '@tlforge/runtime';
import fc from 'fast-check';
import { Prng } from '../../bench/prng.ts';
import { GZIP_PACKED, InstanceArbitraries } from '../property/arbitrary-instance.ts';
import type { GeneratedObject, SchemaSet } from '../property/schema-sets.ts';

/** One valid payload per definition (gzip_packed excepted: it is inflated, not kept), seeded. */
export function validPayloads(set: SchemaSet, seed: number, perDefinition = 1): Uint8Array[] {
  const arbitraries = new InstanceArbitraries(set, { maxDepth: 2, maxVectorLength: 2 });
  const payloads: Uint8Array[] = [];
  let i = 0;
  for (const definition of set.definitions) {
    i++;
    if (definition.name === GZIP_PACKED) continue;
    const samples = fc.sample(arbitraries.definition(definition.name), {
      numRuns: perDefinition,
      seed: seed + i,
    });
    for (const value of samples) payloads.push(value.serialize());
  }
  return payloads;
}

const GZIP_PACKED_ID = 0x3072cfa1;
const MSG_CONTAINER_ID = 0x73f1f8dc;
const USERS_GET_USERS_ID = 0x0d91a548;

function word(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

/** A TL `bytes` value: length prefix, data, zero padding. */
function tlBytes(data: Uint8Array): Uint8Array {
  const header =
    data.length <= 253
      ? Uint8Array.of(data.length)
      : Uint8Array.of(254, data.length & 0xff, (data.length >> 8) & 0xff, data.length >> 16);
  const padding = (4 - ((header.length + data.length) % 4)) % 4;
  return concat(header, data, new Uint8Array(padding));
}

/** `gzip_packed#3072cfa1 packed_data:bytes` holding `inner`. */
export function gzipPacked(inner: Uint8Array): Uint8Array {
  return concat(word(GZIP_PACKED_ID), tlBytes(new Uint8Array(gzipSync(inner))));
}

/** msg_container's element: msg_id:long seqno:int bytes:int body:Object. */
function containerMessage(msgId: number, body: Uint8Array): Uint8Array {
  return concat(word(msgId), word(0x5d), word(msgId & 0xff), word(body.length), body);
}

/**
 * Seeds that reach the gzip paths, which mutating plain payloads never builds: whole payloads packed,
 * a msg_container whose bodies are packed and plain, a request whose Vector argument is packed.
 */
export function gzipPayloads(payloads: readonly Uint8Array[]): Uint8Array[] {
  const seeds: Uint8Array[] = [];
  for (let i = 0; i < payloads.length; i += Math.max(1, Math.floor(payloads.length / 8))) {
    const payload = payloads[i] as Uint8Array;
    const next = payloads[(i + 1) % payloads.length] as Uint8Array;
    seeds.push(gzipPacked(payload));
    const messages = [containerMessage(i * 8 + 1, gzipPacked(payload)), containerMessage(i * 8 + 2, next)];
    seeds.push(concat(word(MSG_CONTAINER_ID), word(messages.length), ...messages));
  }
  // users.getUsers#0d91a548 id:Vector<InputUser>: [inputUserSelf], packed where the vector stands.
  const vector = concat(word(0x1cb5c415), word(1), word(0xf7c1b13f));
  seeds.push(concat(word(USERS_GET_USERS_ID), gzipPacked(vector)));
  return seeds;
}

/** 32-bit words worth planting: bounds, vector and Bool ids, long length prefixes, gzip_packed. */
const INTERESTING_WORDS = [
  0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x1cb5c415, 0x997275b5, 0xbc799737, 0x3072cfa1, 0x000000fe,
  0x0000fffe, 0x00fffffe, 0xfffffffe, 0x000000ff, 0x000000fd, 0x00000100, 0x73f1f8dc, 0xf35c6d01,
];

function concat(...parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One mutation: bit flips, byte and word overwrites, inserts, deletes, duplicates, splices, cuts. */
export function mutateOnce(input: Uint8Array, rng: Prng, corpus: readonly Uint8Array[]): Uint8Array {
  const n = input.length;
  const at = rng.below(n + 1);
  const word = (at >> 2) << 2;
  switch (rng.below(10)) {
    case 0: {
      if (n === 0) return rng.bytes(4);
      const out = input.slice();
      const i = rng.below(n);
      out[i] ^= 1 << rng.below(8);
      return out;
    }
    case 1: {
      if (n === 0) return rng.bytes(1);
      const out = input.slice();
      out[rng.below(n)] = rng.below(256);
      return out;
    }
    case 2: {
      if (word + 4 > n) return input;
      const out = input.slice();
      const value = INTERESTING_WORDS[rng.below(INTERESTING_WORDS.length)];
      new DataView(out.buffer).setUint32(word, value, true);
      return out;
    }
    case 3: // insert random bytes (sometimes a whole word, keeping alignment)
      return concat(
        input.subarray(0, at),
        rng.bytes(rng.below(2) === 0 ? 4 : 1 + rng.below(8)),
        input.subarray(at),
      );
    case 4: {
      const length = rng.below(2) === 0 ? 4 : 1 + rng.below(8);
      return concat(input.subarray(0, at), input.subarray(Math.min(n, at + length)));
    }
    case 5: {
      const length = 1 + rng.below(16);
      return concat(input.subarray(0, at), input.subarray(at, at + length), input.subarray(at));
    }
    case 6: {
      const other = corpus[rng.below(corpus.length)];
      const from = rng.below(other.length + 1);
      return concat(
        input.subarray(0, word),
        other.subarray(from, from + 4 * (1 + rng.below(8))),
        input.subarray(word),
      );
    }
    case 7: // cut anywhere
      return input.subarray(0, at);
    case 8: {
      // a length prefix or count off by a little
      if (word + 4 > n) return input;
      const out = input.slice();
      const view = new DataView(out.buffer);
      view.setUint32(word, (view.getUint32(word, true) + rng.below(9) - 4) >>> 0, true);
      return out;
    }
    default: {
      // append trailing bytes
      return concat(input, rng.bytes(1 + rng.below(8)));
    }
  }
}

export type FuzzOutcome = 'rejected' | 'accepted';

export class FuzzFailure extends Error {
  constructor(
    readonly reason: string,
    readonly input: Uint8Array,
    /** The input was accepted but its decoded value cannot be serialized. */
    readonly unwritable = false,
  ) {
    super(`${reason}\n  input ${Buffer.from(input).toString('hex')}`);
    this.name = 'FuzzFailure';
  }
}

const GZIP_ID_BYTES = Uint8Array.of(0xa1, 0xcf, 0x72, 0x30);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle) >= 0;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function describeError(e: unknown): string {
  if (e instanceof Error)
    return `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n') ?? ''}`;
  return String(e);
}

/**
 * Decodes one input and checks the invariant: a TlDecodeError, or a value whose `serialize()`
 * succeeds and gives the input back byte for byte. An accepted input with a gzip_packed inside cannot
 * re-serialize to itself (the writer never compresses), so there the written form must be a fixed
 * point: decoding it and writing again gives the same bytes. Throws a FuzzFailure when it breaks.
 */
export function checkDecoderInput(set: SchemaSet, input: Uint8Array, slowMs = 1000): FuzzOutcome {
  const started = performance.now();
  let value: unknown;
  try {
    value = set.module.deserialize(input);
  } catch (e) {
    if (e instanceof TlDecodeError) {
      if (performance.now() - started > slowMs) throw new FuzzFailure(`slow rejection (${e.kind})`, input);
      return 'rejected';
    }
    throw new FuzzFailure(`decoder threw something else than a TlDecodeError: ${describeError(e)}`, input);
  }
  if (performance.now() - started > slowMs) throw new FuzzFailure('slow decode', input);
  let bytes: Uint8Array;
  try {
    bytes = (value as GeneratedObject).serialize();
  } catch (e) {
    throw new FuzzFailure(`accepted value does not re-serialize: ${describeError(e)}`, input, true);
  }
  if (sameBytes(bytes, input)) return 'accepted';
  if (contains(input, GZIP_ID_BYTES)) {
    // The writer never compresses (and a msg_container body that arrived packed gets its length from
    // the writer): the written form must decode and write back to itself.
    let again: Uint8Array;
    try {
      again = (set.module.deserialize(bytes) as GeneratedObject).serialize();
    } catch (e) {
      throw new FuzzFailure(`re-serialized gzip-inflated value does not decode: ${describeError(e)}`, input);
    }
    if (sameBytes(again, bytes)) return 'accepted';
  }
  throw new FuzzFailure(
    `accepted a non-canonical encoding: re-serializes to ${Buffer.from(bytes).toString('hex')}`,
    input,
  );
}

export interface CampaignOptions {
  seed: number;
  /** Stop after this many inputs (per campaign, all sets together). */
  inputs?: number;
  /** Stop after this many milliseconds. */
  milliseconds?: number;
  /** Called for every failure; the campaign goes on. */
  onFailure?: (set: SchemaSet, failure: FuzzFailure) => void;
  /** Called every `progressEvery` inputs. */
  onProgress?: (stats: CampaignStats) => void;
  progressEvery?: number;
}

export interface CampaignStats {
  inputs: number;
  rejected: number;
  accepted: number;
  failures: number;
  /** Failures whose input decoded to a value that cannot be serialized (must stay 0). */
  unwritable: number;
  milliseconds: number;
  /** Seed payloads per set. */
  corpus: Record<string, number>;
}

/**
 * Runs inputs round-robin over the sets: 10% pure random bytes (half of them behind a real constructor
 * id, so they reach a reader), 90% one to four stacked mutations of a valid payload.
 */
export function runCampaign(sets: readonly SchemaSet[], options: CampaignOptions): CampaignStats {
  const started = performance.now();
  const rng = new Prng(options.seed);
  const corpora = sets.map((set, i) => {
    const payloads = validPayloads(set, options.seed + 1000 * i);
    return [...payloads, ...gzipPayloads(payloads)];
  });
  const ids = sets.map((set) => set.definitions.map((d) => d.id));
  const stats: CampaignStats = {
    inputs: 0,
    rejected: 0,
    accepted: 0,
    failures: 0,
    unwritable: 0,
    milliseconds: 0,
    corpus: Object.fromEntries(sets.map((set, i) => [set.name, corpora[i].length])),
  };
  const limit = options.inputs ?? Number.POSITIVE_INFINITY;
  const deadline =
    options.milliseconds === undefined ? Number.POSITIVE_INFINITY : started + options.milliseconds;
  const every = options.progressEvery ?? 10_000;
  while (stats.inputs < limit) {
    if ((stats.inputs & 255) === 0 && performance.now() > deadline) break;
    const s = stats.inputs % sets.length;
    const set = sets[s];
    const corpus = corpora[s];
    let input: Uint8Array;
    if (rng.below(10) === 0) {
      const tail = rng.bytes(rng.below(64));
      if (rng.below(2) === 0) {
        input = tail;
      } else {
        input = new Uint8Array(4 + tail.length);
        new DataView(input.buffer).setUint32(0, ids[s][rng.below(ids[s].length)], true);
        input.set(tail, 4);
      }
    } else {
      input = corpus[rng.below(corpus.length)];
      const rounds = 1 + rng.below(4);
      for (let r = 0; r < rounds; r++) input = mutateOnce(input, rng, corpus);
    }
    stats.inputs++;
    try {
      if (checkDecoderInput(set, input) === 'accepted') stats.accepted++;
      else stats.rejected++;
    } catch (e) {
      if (!(e instanceof FuzzFailure)) throw e;
      stats.failures++;
      if (e.unwritable) stats.unwritable++;
      options.onFailure?.(set, e);
    }
    if (stats.inputs % every === 0) {
      stats.milliseconds = performance.now() - started;
      options.onProgress?.(stats);
    }
  }
  stats.milliseconds = performance.now() - started;
  return stats;
}
