// The fewest bytes a value of a type takes on the wire: the bound that lets a reader refuse a vector
// count that cannot fit in what is left before it allocates anything. A fact of the model, used by
// the emitter (generated vector readers) and the dissector alike.

import type { TlField, TlSchemaModel, TlTypeRef } from './schema-model.ts';

/**
 * The fewest bytes one value of `type` takes on the wire, for the vector-count guard. A bare type sums
 * its unconditional fields. The walk keeps its own stack and remembers each constructor's size: a chain
 * of bare types as long as the schema must not overflow the call stack, and two fields of the same bare
 * type must not double the work at every level. A bare type reached again inside itself counts 0 (a
 * lower bound: the guard only needs one).
 */
export function minWireSize(
  type: TlTypeRef,
  model: TlSchemaModel,
  visiting: Set<string> = new Set(),
): number {
  if (type.kind !== 'bare') return fixedMinWireSize(type);
  const sizes = new Map<string, number>();
  const stack: Array<{ name: string; fields: readonly TlField[]; next: number; size: number }> = [];
  /** Starts the walk of a bare constructor, or gives its size when it needs none. */
  const enter = (name: string): number | undefined => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const bare = model.constructorsByName.get(name);
    if (bare === undefined || visiting.has(name)) return 0;
    visiting.add(name);
    stack.push({ name, fields: bare.fields, next: 0, size: 0 });
    return undefined;
  };
  const first = enter(type.constructor);
  if (first !== undefined) return first;
  for (;;) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.fields.length) {
      const field = frame.fields[frame.next++]!;
      if (field.condition !== undefined) continue;
      frame.size +=
        field.type.kind === 'bare' ? (enter(field.type.constructor) ?? 0) : fixedMinWireSize(field.type);
      continue;
    }
    stack.pop();
    visiting.delete(frame.name);
    sizes.set(frame.name, frame.size);
    const parent = stack[stack.length - 1];
    if (parent === undefined) return frame.size;
    parent.size += frame.size;
  }
}

/** `minWireSize` of anything but a bare constructor. */
function fixedMinWireSize(type: TlTypeRef): number {
  switch (type.kind) {
    case 'true':
      return 0;
    case 'long':
    case 'double':
      return 8;
    case 'int128':
      return 16;
    case 'int256':
      return 32;
    case 'vector':
      return type.boxed ? 8 : 4;
    default:
      // int, #, string/bytes (one length byte padded to 4), Bool and every boxed value (an id).
      return 4;
  }
}
