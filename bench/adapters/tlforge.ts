// tlforge's own generated code (`generated/latest/index.ts`): GramJS-style classes with
// `obj.serialize()` and a module-level `deserialize(bytes)`. Loaded dynamically so that the benchmark
// still runs (peers only) before the generator has produced it.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TlNode } from '../tl-tree.ts';
import { buildClassTree, type GramjsApi } from './gramjs-class-tree.ts';
import type { LibraryAdapter } from './library-adapter.ts';

interface GeneratedModule {
  readonly Api: GramjsApi;
  readonly LAYER: number;
  deserialize(bytes: Uint8Array): unknown;
}
interface GeneratedObject {
  serialize(): Uint8Array;
}

export const generatedIndex = new URL('../../generated/latest/index.ts', import.meta.url);

/** The adapter, or why it is not available. */
export async function loadTlforgeAdapter(): Promise<LibraryAdapter | string> {
  if (!existsSync(fileURLToPath(generatedIndex))) return 'generated/latest/index.ts does not exist yet';
  let generated: GeneratedModule;
  try {
    generated = (await import(generatedIndex.href)) as GeneratedModule;
  } catch (e) {
    return `generated/latest/index.ts failed to load: ${(e as Error).message}`;
  }
  const { Api, deserialize, LAYER } = generated;
  return {
    key: 'tlforge',
    label: 'tlforge (generated/latest)',
    layer: LAYER,
    build(root: TlNode): unknown {
      // Long fields accept bigint as is; bytes are Uint8Array.
      return buildClassTree(Api, root, { long: (v) => v, bytes: (v) => v });
    },
    serialize(obj: unknown): Uint8Array {
      return (obj as GeneratedObject).serialize();
    },
    deserialize(bytes: Uint8Array): unknown {
      return deserialize(bytes);
    },
  };
}
