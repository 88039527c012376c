// A decoder that cannot be broken: truncations of valid payloads fail as truncated, a seeded
// 100,000-input mutation campaign over the schema sets (seeded with gzip-packed payloads, containers
// and vectors too) never gets anything but a TlDecodeError or a value that writes back (exactly,
// where no gzip was involved), and every input a longer campaign (`npm run fuzz`) ever found is
// replayed.

import { TlDecodeError, TlWriter } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { Api, deserialize } from '../../packages/layers/src/latest/index.ts';
import { loadSchemaSet, schemaSetNames } from '../property/schema-sets.ts';
import { checkDecoderInput, runCampaign, validPayloads } from './decoder-fuzz.ts';
import { loadFixtures } from './fixtures.ts';

const CAMPAIGN_INPUTS = Number(process.env.FUZZ_INPUTS ?? 100_000);
const CAMPAIGN_SEED = Number(process.env.FUZZ_SEED ?? 0x7f1a5);
const RPC_RESULT_ID = 0xf35c6d01;

function decodeError(run: () => unknown): TlDecodeError {
  try {
    run();
  } catch (e) {
    if (e instanceof TlDecodeError) return e;
    throw e;
  }
  throw new Error('expected a TlDecodeError');
}

describe('truncated payloads', () => {
  it.each(schemaSetNames)('every truncation of a valid %s payload fails as truncated', (name) => {
    const set = loadSchemaSet(name);
    const kinds: Record<string, number> = {};
    const wrong: string[] = [];
    let cuts = 0;
    for (const payload of validPayloads(set, 0x7e1)) {
      const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
      const rpcResult = view.getUint32(0, true) === RPC_RESULT_ID;
      // rpc_result.result is the rest of the payload, kept raw: a cut inside it is found when the
      // result is decoded (with the request's type; here with `deserialize`, it is any constructor).
      const rawFrom = rpcResult ? 12 : payload.length;
      for (let n = 0; n < payload.length; n++) {
        cuts++;
        const cut = payload.subarray(0, n);
        const target = n >= rawFrom ? payload.subarray(rawFrom, n) : cut;
        let e: TlDecodeError;
        try {
          e = decodeError(() => set.module.deserialize(target));
        } catch (other) {
          wrong.push(`${Buffer.from(cut).toString('hex')}: ${(other as Error).message}`);
          continue;
        }
        kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
        if (e.kind !== 'truncated') wrong.push(`${Buffer.from(cut).toString('hex')}: ${e.message}`);
      }
    }
    console.log(`${name}: ${cuts} truncations, failing as ${JSON.stringify(kinds)}`);
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});

describe('mutation campaign', () => {
  it(`rejects or exactly re-encodes ${CAMPAIGN_INPUTS} mutated and random inputs (seed ${CAMPAIGN_SEED})`, () => {
    const sets = schemaSetNames.map((name) => loadSchemaSet(name));
    const failures: string[] = [];
    const stats = runCampaign(sets, {
      seed: CAMPAIGN_SEED,
      inputs: CAMPAIGN_INPUTS,
      onFailure: (set, failure) => {
        if (failures.length < 5) failures.push(`${set.name}: ${failure.message}`);
      },
    });
    console.log(
      `fuzz: ${stats.inputs} inputs in ${Math.round(stats.milliseconds)} ms, ${stats.rejected} rejected, ` +
        `${stats.accepted} accepted, ${stats.failures} failures (${stats.unwritable} accepted but unwritable), ` +
        `seed payloads ${JSON.stringify(stats.corpus)}`,
    );
    expect(failures).toEqual([]);
    expect(stats.unwritable).toBe(0);
    expect(stats.inputs).toBe(CAMPAIGN_INPUTS);
  });

  it('replays every saved fuzz fixture', () => {
    for (const fixture of loadFixtures()) {
      const set = loadSchemaSet(fixture.set);
      expect(() => checkDecoderInput(set, Buffer.from(fixture.input, 'hex')), fixture.file).not.toThrow();
    }
  });
});

describe('inputs the campaign found', () => {
  // channelForbidden#17d493d5 flags:# broadcast:flags.5?true megagroup:flags.8?true until_date:flags.16?int
  //   id:long access_hash:long title:string
  const channelForbidden = (flags: string) =>
    Buffer.from(`d593d417${flags}01000000000000000200000000000000017800 00`.replace(/ /g, ''), 'hex');

  it('rejects a flags word with a bit that no field uses, at the word, in strict mode', () => {
    const bytes = channelForbidden('21000000'); // broadcast, bit 0 (unused)
    const e = decodeError(() => deserialize(bytes));
    expect(e.kind).toBe('flags');
    expect(e.offset).toBe(4);
    expect(e.message).toBe(
      'at byte 4 reading channelForbidden (channelForbidden.flags): flags: flags word 0x21 has bits 0x1 that no field uses',
    );
  });

  it('ignores bits no field uses in lenient mode and keeps the used ones', () => {
    const value = deserialize(channelForbidden('21000000'), { strict: false }) as Api.ChannelForbidden;
    expect(value.broadcast).toBe(true);
    expect(value.megagroup).toBeUndefined();
    expect(Buffer.from(value.serialize())).toEqual(channelForbidden('20000000'));
  });

  it('re-encodes a Bool read where any object may stand (message body) as the same Bool', () => {
    // mtproto.message (bare, boxed here) msg_id:long seqno:int bytes:int body:Object; body = boolTrue
    const bytes = Buffer.from(
      '11e5b85b 01000000 fe000000 ffffff7f 04000000 b5757299'.replace(/ /g, ''),
      'hex',
    );
    const value = deserialize(bytes) as Api.mtproto.Message;
    expect(value.body as unknown).toBe(true);
    expect(Buffer.from(value.serialize())).toEqual(bytes);
    const w = new TlWriter();
    w.object(false);
    expect(Buffer.from(w.finish()).toString('hex')).toBe('379779bc');
  });

  it('keeps NaN payloads of doubles bit for bit', () => {
    const base = Buffer.from(new Api.InputGeoPoint({ lat: 0, long: 0 }).serialize());
    for (const nan of ['010000000000f87f', '010000000000f07f', '000000000000f8ff']) {
      const bytes = Buffer.from(base);
      Buffer.from(nan, 'hex').copy(bytes, 8);
      expect(Buffer.from((deserialize(bytes) as Api.InputGeoPoint).serialize())).toEqual(bytes);
    }
  });
});
