// The library-neutral description of a TL value that every adapter turns into its own objects.
// Field names are the schema's (snake_case); the JS type of a leaf says its TL type.

/**
 * A leaf's TL type is fixed by its JS type: `number` is `int`, `bigint` is `long`, `string` is
 * `string`, `Uint8Array` is `bytes`, `boolean` is a `flags.N?true` field (or `Bool`), an array is a
 * vector and a {@link TlNode} is a boxed object. An absent optional field is simply left out.
 */
export type TlValue = number | bigint | string | boolean | Uint8Array | TlNode | readonly TlValue[];

export interface TlNode {
  /** The constructor's schema name, namespace included: `messages.messages`, `peerUser`. */
  readonly ctor: string;
  readonly fields: Readonly<Record<string, TlValue>>;
}

export function tl(ctor: string, fields: Record<string, TlValue | undefined> = {}): TlNode {
  const present: Record<string, TlValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) present[key] = value;
  }
  return { ctor, fields: present };
}

export function isTlNode(v: TlValue): v is TlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/** `reply_to_msg_id` -> `replyToMsgId`: the field naming of mtcute, GramJS/teleproto and tlforge. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** How many times each constructor occurs in a tree (for the byte-difference explanations). */
export function countConstructors(root: TlValue, counts = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(root)) {
    for (const item of root) countConstructors(item, counts);
  } else if (isTlNode(root as TlValue)) {
    const node = root as TlNode;
    counts.set(node.ctor, (counts.get(node.ctor) ?? 0) + 1);
    for (const value of Object.values(node.fields)) countConstructors(value, counts);
  }
  return counts;
}
