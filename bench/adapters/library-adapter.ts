// What the benchmark needs from each TL library: build its own objects from the neutral tree, encode
// them, and decode its own bytes. One implementation per library lives beside this file.

import type { TlNode } from '../tl-tree.ts';

/** A constructor that the library's layer encodes differently from layer 214 (see verify.ts). */
export interface LayerDifference {
  readonly ctor: string;
  readonly id214: number;
  readonly idLibrary: number;
  /** How the wire layout differs beyond the id, when it does, for the fields this benchmark uses. */
  readonly layout?: string;
}

export interface LibraryAdapter {
  /** Short key used in the JSON and the chart: 'tlforge', 'mtcute', 'teleproto'. */
  readonly key: string;
  /** Package and version, as shown in the report. */
  readonly label: string;
  readonly layer: number;
  build(root: TlNode): unknown;
  serialize(obj: unknown): Uint8Array;
  deserialize(bytes: Uint8Array): unknown;
  /**
   * For a library on another layer: the same object encoded with layer 214's constructors (its own
   * writers, only the ids and the layouts listed in `layerDifferences` swapped), to prove that it
   * encodes the same logical payload byte for byte.
   */
  serializeAsLayer214?(obj: unknown): Uint8Array;
  readonly layerDifferences?: readonly LayerDifference[];
  /** Why decoding this payload is not possible with this library, if it is not. */
  cannotDecode?(root: TlNode, isRequest: boolean): string | undefined;
}
