// GramJS-style libraries (teleproto, and tlforge's generated code) model every constructor as a class
// reachable as `Api.Name` or `Api.namespace.Name` with camelCase fields: this builds such a tree.

import { camelCase, isTlNode, type TlNode, type TlValue } from '../tl-tree.ts';

export type ClassConstructor = new (args: Record<string, unknown>) => object;

/** `Api` as seen by the builder: classes and namespace objects of classes. */
export type GramjsApi = Readonly<Record<string, unknown>>;

export interface LeafConverters {
  long(v: bigint): unknown;
  bytes(v: Uint8Array): unknown;
}

/** `messages.sendMessage` -> `Api.messages.SendMessage`; `peerUser` -> `Api.PeerUser`. */
export function lookupClass(api: GramjsApi, ctor: string): ClassConstructor {
  const dot = ctor.lastIndexOf('.');
  const namespace = dot < 0 ? undefined : ctor.slice(0, dot);
  const bare = dot < 0 ? ctor : ctor.slice(dot + 1);
  // GramJS's rule: `p_q_inner_data` -> `PQInnerData`.
  const className = bare.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/_/g, '');
  const holder = namespace === undefined ? api : (api[namespace] as GramjsApi | undefined);
  const found = holder?.[className];
  if (typeof found !== 'function')
    throw new Error(`no class Api.${namespace ? `${namespace}.` : ''}${className}`);
  return found as ClassConstructor;
}

export function buildClassTree(api: GramjsApi, root: TlNode, convert: LeafConverters): object {
  const cache = new Map<string, ClassConstructor>();
  const value = (v: TlValue): unknown => {
    if (typeof v === 'bigint') return convert.long(v);
    if (v instanceof Uint8Array) return convert.bytes(v);
    if (Array.isArray(v)) return v.map(value);
    if (isTlNode(v)) return node(v);
    return v;
  };
  const node = (n: TlNode): object => {
    let cls = cache.get(n.ctor);
    if (cls === undefined) {
      cls = lookupClass(api, n.ctor);
      cache.set(n.ctor, cls);
    }
    const args: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(n.fields)) args[camelCase(name)] = value(v);
    return new cls(args);
  };
  return node(root);
}
