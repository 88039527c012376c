// The value a dissection read, in the lossless JSON form of TL objects (`_` and TL field names, long as
// a decimal string, bytes as base64: the runtime's json-value.ts): the same JSON a generated class's
// `toJSON()` gives for the object `deserialize` returns, made from the schema alone
// (`tlforge decode --value`, which `tlforge encode` turns back into the same bytes). As `deserialize`
// does, a gzip_packed stands for what it holds, and rpc_result keeps its result as raw bytes.

import {
  doubleToJson,
  encodeBase64,
  setJsonKey,
  TlError,
  type TlJsonObject,
  type TlJsonValue,
} from '@tlforge/runtime';
import type { DissectNode, DissectResult } from './dissect-tree.ts';

/** The value of a complete dissection; a dissection that stopped at an error has none. */
export function dissectionValue(result: DissectResult): TlJsonValue {
  if (result.error !== undefined) {
    throw new TlError(
      'incomplete',
      `the bytes did not decode, so there is no value: ${result.error.message}`,
    );
  }
  return nodeValue(result.root, result);
}

function nodeValue(node: DissectNode, result: DissectResult): TlJsonValue {
  const definition = node.definition;
  if (definition?.name === 'gzip_packed' && definition.kind === 'constructor' && node.children.length === 2) {
    return nodeValue(node.children[1]!, result);
  }
  if (node.count !== undefined) return node.children.map((child) => nodeValue(child, result));
  if (definition !== undefined && definition.kind !== 'builtin') {
    const json: TlJsonObject = { _: definition.name };
    for (const child of node.children) {
      if (child.valueKind === '#') continue;
      if (definition.name === 'rpc_result' && child.name === 'result') {
        const bytes = result.buffers[child.buffer]!.bytes.subarray(child.start, child.end);
        setJsonKey(json, child.name, encodeBase64(bytes));
        continue;
      }
      setJsonKey(json, child.name, nodeValue(child, result));
    }
    return json;
  }
  switch (node.valueKind) {
    case 'long':
    case 'string':
      return node.value as string;
    case 'double':
      return doubleToJson(node.value);
    case 'bytes':
    case 'int128':
    case 'int256':
      return encodeBase64(node.raw ?? new Uint8Array());
    case 'Bool':
    case 'true':
      return node.value as boolean;
    default:
      return node.value as number;
  }
}
