// tlforge's own generated code (`@tlforge/layers/latest`, and `@tlforge/layers/latest-bigint`
// generated with `--long bigint`): GramJS-style classes with `obj.serialize()` and a module-level
// `deserialize(bytes)`. Loaded dynamically so that the benchmark
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

export const generatedIndex = new URL('../../packages/layers/src/latest/index.ts', import.meta.url);
/** The same schema generated with `--long bigint`: long fields are native bigints. */
export const generatedBigintIndex = new URL(
  '../../packages/layers/src/latest-bigint/index.ts',
  import.meta.url,
);

/** `tlforge` (default, big-integer longs) or `tlforge-bigint` (`--long bigint`). */
export type TlforgeVariant = 'tlforge' | 'tlforge-bigint';

const variants: Record<TlforgeVariant, { index: URL; folder: string; label: string }> = {
  tlforge: { index: generatedIndex, folder: 'packages/layers/src/latest', label: 'tlforge (@tlforge/layers/latest)' },
  'tlforge-bigint': {
    index: generatedBigintIndex,
    folder: 'packages/layers/src/latest-bigint',
    label: 'tlforge --long bigint (@tlforge/layers/latest-bigint)',
  },
};

/** The adapter, or why it is not available. */
export async function loadTlforgeAdapter(
  variant: TlforgeVariant = 'tlforge',
): Promise<LibraryAdapter | string> {
  const { index, folder, label } = variants[variant];
  if (!existsSync(fileURLToPath(index))) return `${folder}/index.ts does not exist yet`;
  let generated: GeneratedModule;
  try {
    generated = (await import(index.href)) as GeneratedModule;
  } catch (e) {
    return `${folder}/index.ts failed to load: ${(e as Error).message}`;
  }
  const { Api, deserialize, LAYER } = generated;
  return {
    key: variant,
    label,
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
