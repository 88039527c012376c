// tlforge's own generated code (layer 214, with big-integer or `--long bigint` longs): GramJS-style
// classes with `obj.serialize()` and a module-level `deserialize(bytes)`, generated and loaded when
// the benchmark starts.

import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemaSet } from '../../packages/codegen/src/emit/generate.ts';
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

/** The latest layer as shipped, for the import-time measurement. */
export const generatedIndex = new URL('../../packages/layers/src/latest/index.ts', import.meta.url);

/** `tlforge` (default, big-integer longs) or `tlforge-bigint` (`--long bigint`). */
export type TlforgeVariant = 'tlforge' | 'tlforge-bigint';

/**
 * The payloads are layer-214 messages, the layer of teleproto (mtcute's 223 is mapped onto it by
 * verify.ts): tlforge is measured on layer 214 too, generated here into bench/.cache by the same
 * emitter as the shipped layers.
 */
const schema214 = ['schema/layer214/api.tl', 'schema/layer214/mtproto.tl'];
const variants: Record<TlforgeVariant, { folder: string; label: string; long: 'big-integer' | 'bigint' }> = {
  tlforge: { folder: 'bench/.cache/layer214', label: 'tlforge (layer 214)', long: 'big-integer' },
  'tlforge-bigint': {
    folder: 'bench/.cache/layer214-bigint',
    label: 'tlforge --long bigint (layer 214)',
    long: 'bigint',
  },
};

const root = new URL('../../', import.meta.url);

/**
 * Generates a variant's layer 214 (about a second) and gives its index module's URL; `reuse` takes
 * what an earlier call of the same run generated (the first-call benchmark's child processes).
 */
function generateVariant(variant: TlforgeVariant, reuse: boolean): URL {
  const { folder, long } = variants[variant];
  const index = new URL(`${folder}/index.ts`, root);
  if (reuse && existsSync(fileURLToPath(index))) return index;
  const outDir = fileURLToPath(new URL(folder, root));
  rmSync(outDir, { recursive: true, force: true });
  generateSchemaSet({ files: schema214.map((file) => fileURLToPath(new URL(file, root))), outDir, long });
  return index;
}

/** The adapter, or why it is not available. */
export async function loadTlforgeAdapter(
  variant: TlforgeVariant = 'tlforge',
  reuse = false,
): Promise<LibraryAdapter | string> {
  const { folder, label } = variants[variant];
  let generated: GeneratedModule;
  try {
    generated = (await import(generateVariant(variant, reuse).href)) as GeneratedModule;
  } catch (e) {
    return `${folder}/index.ts failed to generate or load: ${(e as Error).message}`;
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
