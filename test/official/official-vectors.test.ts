// The byte vectors of the official documentation (TL-NOTES §7) through generated code: ping and
// invokeWithLayer through generated/latest, and the docs' getUsers example schema end to end
// (fixture → generator → fresh module in a temporary folder → request bytes and decoded answer).

import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSchemaSet } from '../../packages/codegen/src/emit/generate.ts';
import { Api, deserialize } from '../../packages/layers/src/latest/index.ts';
import { hex, toHex } from '../codegen/hex.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const fixture = fileURLToPath(new URL('../fixtures/official-getusers.tl', import.meta.url));

describe('service calls through generated/latest', () => {
  it('ping(666) is ec77be7a 9a020000 00000000', () => {
    const ping = new Api.Ping({ pingId: 666 });
    expect(toHex(ping.serialize())).toBe(toHex(hex('ec77be7a', '9a020000 00000000')));
    expect(deserialize(ping.serialize())).toStrictEqual(ping);
  });

  it('invokeWithLayer(222, help.getConfig()) is 0d0d9bda de000000 6b18f9c4', () => {
    const call = new Api.InvokeWithLayer({ layer: 222, query: new Api.help.GetConfig() });
    expect(toHex(call.serialize())).toBe(toHex(hex('0d0d9bda', 'de000000', '6b18f9c4')));
    expect(deserialize(call.serialize())).toStrictEqual(call);
  });
});

/** The module generated from the docs' example schema (its classes are not known to the type checker). */
interface DocsModule {
  Api: {
    User: new (args: { id: number; firstName: string; lastName: string }) => object;
    NoUser: new (args: { id: number }) => object;
    GetUser: new (args: { arg0: number }) => { serialize(): Uint8Array };
    GetUsers: new (args: {
      arg0: number[];
    }) => { serialize(): Uint8Array; readResult(bytes: Uint8Array): unknown };
  };
  deserialize(bytes: Uint8Array): unknown;
}

describe("the docs' getUsers example schema, generated inside the test", () => {
  let outDir = '';
  let docs: DocsModule;

  beforeAll(async () => {
    outDir = scratchDir('tlforge-official-');
    const summary = generateSchemaSet({ files: [fixture], outDir });
    expect(summary).toMatchObject({ constructors: 2, functions: 2 });
    docs = (await import(pathToFileURL(join(outDir, 'index.ts')).href)) as DocsModule;
  });

  afterAll(() => {
    if (outDir !== '') removeScratch(outDir);
  });

  const answer = hex(
    '15c4b51c 03000000', // Vector, 3 elements
    'a3813cd2 02000000 05506574 65720000 06506172 6b657200', // user(2, "Peter", "Parker")
    'd19975c6 03000000', // no_user(3)
    'a3813cd2 04000000 044a6f68 6e000000 03446f65', // user(4, "John", "Doe")
  );

  it('writes getUsers([2, 3, 4]) as f5d5842d 15c4b51c 03000000 02000000 03000000 04000000', () => {
    const request = new docs.Api.GetUsers({ arg0: [2, 3, 4] });
    expect(toHex(request.serialize())).toBe(
      toHex(hex('f5d5842d', '15c4b51c 03000000', '02000000 03000000 04000000')),
    );
    expect(docs.deserialize(request.serialize())).toStrictEqual(request);
  });

  it('reads the answer as [user(2, Peter Parker), no_user(3), user(4, John Doe)]', () => {
    const request = new docs.Api.GetUsers({ arg0: [2, 3, 4] });
    expect(request.readResult(answer)).toStrictEqual([
      new docs.Api.User({ id: 2, firstName: 'Peter', lastName: 'Parker' }),
      new docs.Api.NoUser({ id: 3 }),
      new docs.Api.User({ id: 4, firstName: 'John', lastName: 'Doe' }),
    ]);
  });

  it('writes each user of the answer back to its exact bytes (padding of 0..3 bytes)', () => {
    const users = [
      new docs.Api.User({ id: 2, firstName: 'Peter', lastName: 'Parker' }),
      new docs.Api.NoUser({ id: 3 }),
      new docs.Api.User({ id: 4, firstName: 'John', lastName: 'Doe' }),
    ] as Array<{ serialize(): Uint8Array }>;
    const body = Buffer.concat(users.map((u) => u.serialize()));
    expect(toHex(Buffer.concat([hex('15c4b51c 03000000'), body]))).toBe(toHex(answer));
  });

  it('writes getUser(2) as d532f7b0 02000000', () => {
    expect(toHex(new docs.Api.GetUser({ arg0: 2 }).serialize())).toBe(toHex(hex('d532f7b0', '02000000')));
  });
});
