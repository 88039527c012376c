// `tlforge decode` and `tlforge encode`: the seed example read with a shipped layer from hex, base64, a
// file and stdin; the tree as text, as JSON and as the value's JSON, which encode turns back into the
// same bytes; two layers compared; schema files given with --schema; and a truncated input printed up
// to its error, with exit 4. Usage errors name what is wrong.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { examples } from '../../inspector/src/examples.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';
import { cliSource, lines, runCli, spawnCli } from './run-cli.ts';

const scratch = scratchDir('tlforge-decode-');
afterAll(() => removeScratch(scratch));

const SEED_HEX = '7873dfe6 162829d8 28db0b00 735f649f a53f5db7 c97ea07d fade6100 00000000 06726566 5f343200';
const SEED_TREE = [
  'layer 122, 40 bytes',
  '[0, 40)   messages.startBot#e6df7378 (function → Updates)',
  '[4, 20)     bot: InputUser = inputUser#d8292816',
  '[8, 12)       user_id: int = 777000',
  '[12, 20)      access_hash: long = -5233957211358339213',
  '[20, 24)    peer: InputPeer = inputPeerSelf#7da07ec9',
  '[24, 32)    random_id: long = 6414074',
  '[32, 40)    start_param: string = "ref_42"',
];
const SEED_JSON = {
  _: 'messages.startBot',
  bot: { _: 'inputUser', user_id: 777000, access_hash: '-5233957211358339213' },
  peer: { _: 'inputPeerSelf' },
  random_id: '6414074',
  start_param: 'ref_42',
};

describe('tlforge decode', () => {
  it('prints every value of the seed example with its byte range, from hex given as words', async () => {
    expect(await runCli(['decode', '--layer', '122', ...SEED_HEX.split(' ')])).toEqual({
      code: 0,
      out: SEED_TREE,
      err: [],
    });
  });

  it('reads base64, a binary file and stdin the same way', async () => {
    const bytes = Buffer.from(SEED_HEX.replace(/ /g, ''), 'hex');
    expect((await runCli(['decode', '--layer', '122', bytes.toString('base64')])).out).toEqual(SEED_TREE);
    const file = join(scratch, 'seed.bin');
    writeFileSync(file, bytes);
    expect((await runCli(['decode', '--layer', '122', '--file', file])).out).toEqual(SEED_TREE);
    const piped = spawnCli(cliSource, ['decode', '--layer', '122', '-'], `${SEED_HEX}\n`);
    expect({ status: piped.status, out: lines(piped.stdout) }).toEqual({ status: 0, out: SEED_TREE });
  });

  it('prints the tree as JSON, and the value as the lossless JSON that encode reads back', async () => {
    const json = await runCli(['decode', '--layer', '122', '--json', SEED_HEX]);
    const tree = JSON.parse(json.out.join('\n'));
    expect(tree.error).toBeNull();
    expect(tree.tree.children[0]).toMatchObject({
      name: 'bot',
      start: 4,
      end: 20,
      definition: { name: 'inputUser' },
    });
    const value = await runCli(['decode', '--layer', '122', '--value', SEED_HEX]);
    expect(JSON.parse(value.out.join('\n'))).toEqual(SEED_JSON);
    expect(await runCli(['encode', '--layer', '122', value.out.join('\n')])).toEqual({
      code: 0,
      out: ['7873dfe6 162829d8 28db0b00 735f649f a53f5db7 c97ea07d fade6100 00000000', '06726566 5f343200'],
      err: [],
    });
  });

  it('prints the values read before a truncated input ends, then the error, and exits 4', async () => {
    const cut = SEED_HEX.split(' ').slice(0, 7);
    expect(await runCli(['decode', '--layer', '122', ...cut])).toEqual({
      code: 4,
      out: [
        'layer 122, 28 bytes',
        '[0, 24)   messages.startBot#e6df7378 (function → Updates)  (incomplete)',
        '[4, 20)     bot: InputUser = inputUser#d8292816',
        '[8, 12)       user_id: int = 777000',
        '[12, 20)      access_hash: long = -5233957211358339213',
        '[20, 24)    peer: InputPeer = inputPeerSelf#7da07ec9',
        '[24, 24)    random_id: long = …  (incomplete)',
        'error at byte 24 (messages.startBot.random_id): truncated: needs 8 bytes, 4 remain',
      ],
      err: [],
    });
  });

  it('reads a gzip-packed messages.messages, and encode gives the same bytes back from its value', async () => {
    const { hex, request } = examples.gzip!;
    const run = await runCli(['decode', '--request', request, hex]);
    expect(run.code).toBe(0);
    expect(run.out.slice(0, 6)).toEqual([
      'layer 228, 164 bytes',
      'buffer #1: 180 bytes inflated from the gzip_packed at byte 12',
      '[0, 164)      rpc_result#f35c6d01',
      '[4, 12)         req_msg_id: long = 7304585213337563136',
      '[12, 164)       result: messages.Messages = gzip_packed#3072cfa1  (result of messages.getHistory)',
      '[16, 164)         packed_data: bytes = 146 bytes 1f8b08000000000000037bf5bc5856f4c8561926060686cb3b19ca9a18202095…  (gzip: 146 bytes inflate to 180, read as buffer #1)',
    ]);
    expect(run.out).toContain('#1[44, 64)              message: string = "hello from tlforge"');
    const value = await runCli(['decode', '--value', hex]);
    const encoded = await runCli(['encode', value.out.join('\n')]);
    expect(encoded.out.join(' ')).toBe(hex);
  });

  it('points to the first value two layers read differently', async () => {
    const run = await runCli(['decode', '--layers', '122,latest', SEED_HEX]);
    expect(run.code).toBe(4);
    expect(run.out.slice(-3)).toEqual([
      'first divergence at byte 4 (messages.startBot.bot):',
      '  122:    bot: InputUser = inputUser#d8292816 [4, 20)',
      '  latest: bot: InputUser = …  (incomplete) [4, 8)',
    ]);
    expect(run.out).toContain(
      'error at byte 4 (messages.startBot.bot): unknown-constructor: unknown constructor 0xd8292816 where InputUser was expected',
    );
  });

  it('reads with schema files, and a result with the type of the request named', async () => {
    const schema = ['--schema', 'test/fixtures/official-getusers.tl'];
    const answer =
      '15c4b51c 03000000 a3813cd2 02000000 05506574 65720000 06506172 6b657200 d19975c6 03000000 a3813cd2 04000000 044a6f68 6e000000 03446f65';
    const run = await runCli(['decode', ...schema, '--request', 'getUsers', answer]);
    expect(run.out.slice(0, 4)).toEqual([
      'no layer, 60 bytes',
      '[0, 60)   Vector<User> = 3 elements  (result of getUsers)',
      '[8, 32)     [0]: User = user#d23c81a3',
      '[12, 16)      id: int = 2',
    ]);
    expect(run.code).toBe(0);
  });

  it('names a request that is not in the layer, and the one meant', async () => {
    expect(await runCli(['decode', '--request', 'messages.startbot', SEED_HEX])).toEqual({
      code: 2,
      out: [],
      err: [
        'no function of the schema of layer 228 is named messages.startbot (did you mean messages.startBot?)',
        'run `tlforge decode --help` for usage',
      ],
    });
  });

  it('refuses input that is neither hex nor base64, and a missing input', async () => {
    expect((await runCli(['decode', '7873dfe'])).err[0]).toBe(
      'the input: an odd number of hex digits (7): a byte is two digits',
    );
    expect((await runCli(['decode', '78$3'])).err[0]).toBe(
      'the input: neither hex nor base64: character 2 is "$", not base64 (A-Z a-z 0-9 + /)',
    );
    expect((await runCli(['decode', '--layer', '122'])).err[0]).toBe(
      'decode needs the bytes: hex or base64, --file <path>, or - for stdin',
    );
    expect((await runCli(['decode', '--layer', '121', SEED_HEX])).err[0]).toBe(
      'no vendored layer is named "121"; layers: latest, 122',
    );
  });
});

describe('tlforge encode', () => {
  it('writes the bytes of the JSON form, computing flags words, and names the path of a bad value', async () => {
    const message = {
      _: 'message',
      out: true,
      id: 1,
      peer_id: { _: 'peerUser', user_id: '5' },
      date: 2,
      message: 'hi',
      views: 3,
      forwards: 4,
    };
    const run = await runCli(['encode', JSON.stringify(message)]);
    expect(run).toEqual({
      code: 0,
      out: [
        'd3b90076 02040000 00000000 01000000 22175159 05000000 00000000 02000000',
        '02686900 03000000 04000000',
      ],
      err: [],
    });
    expect(await runCli(['encode', JSON.stringify({ ...message, forwards: undefined })])).toEqual({
      code: 4,
      out: [],
      err: [
        'cannot encode: message.forwards: flags.10 is shared by views, forwards: views set it, so forwards must be present too',
      ],
    });
    expect((await runCli(['encode', JSON.stringify({ ...message, id: 1.5 })])).err).toEqual([
      'cannot encode: message.id: expected an int (a JSON integer), got 1.5',
    ]);
  });

  it('writes the bytes to a file with --out', async () => {
    const out = join(scratch, 'seed-out.bin');
    const run = await runCli(['encode', '--layer', '122', '--out', out, JSON.stringify(SEED_JSON)]);
    expect(run.out).toEqual([`wrote 40 bytes to ${out}`]);
    expect((await runCli(['decode', '--layer', '122', '--file', out])).out).toEqual(SEED_TREE);
  });
});
