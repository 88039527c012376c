// teleproto@214.1.7 (GramJS lineage, layer 214): `new Api.X({...}).getBytes()` and
// `new BinaryReader(buffer).tgReadObject()`, loaded with `require('teleproto')` as its users do.

import { createRequire } from 'node:module';
import bigInt from 'big-integer';
import { packageVersion } from '../package-version.ts';
import type { TlNode } from '../tl-tree.ts';
import { buildClassTree, type GramjsApi } from './gramjs-class-tree.ts';
import type { LibraryAdapter } from './library-adapter.ts';

// Narrow local view of the CommonJS package: its own typings describe the whole client.
interface TeleprotoObject {
  getBytes(): Buffer;
}
interface TeleprotoModule {
  readonly Api: GramjsApi;
  readonly extensions: {
    readonly BinaryReader: new (data: Buffer) => { tgReadObject(): unknown };
  };
}

const require = createRequire(import.meta.url);

export function createTeleprotoAdapter(): LibraryAdapter {
  const teleproto = require('teleproto') as TeleprotoModule;
  const version = packageVersion('teleproto');
  const { BinaryReader } = teleproto.extensions;
  return {
    key: 'teleproto',
    label: `teleproto ${version}`,
    layer: 214,
    build(root: TlNode): unknown {
      return buildClassTree(teleproto.Api, root, {
        long: (v) => bigInt(v),
        bytes: (v) => Buffer.from(v),
      });
    },
    serialize(obj: unknown): Uint8Array {
      return (obj as TeleprotoObject).getBytes();
    },
    deserialize(bytes: Uint8Array): unknown {
      const buffer = Buffer.isBuffer(bytes)
        ? bytes
        : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      return new BinaryReader(buffer).tgReadObject();
    },
  };
}
