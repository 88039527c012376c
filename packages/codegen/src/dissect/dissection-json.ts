// The dissector's tree as JSON (`tlforge decode --json`): the same nodes and ranges as the text form,
// with values JSON can hold exactly: a long as a decimal string, bytes as hex, a double JSON cannot hold
// as "NaN", "Infinity", "-Infinity" or "-0", ids as 8-digit hex strings.

import type { DissectNode, DissectResult } from './dissect-tree.ts';

export interface DissectionJson {
  layer: number | null;
  /** The input (index 0) and the data each gzip_packed inflated to. */
  buffers: Array<{ index: number; length: number; from?: { buffer: number; offset: number } }>;
  tree: DissectNodeJson;
  error: { kind: string; message: string; buffer: number; offset: number; path: string } | null;
}

export interface DissectNodeJson {
  name: string;
  type: string;
  buffer: number;
  start: number;
  end: number;
  definition?: { name: string; id: string; kind: string; bare: boolean; result?: string };
  valueKind?: string;
  value?: number | string | boolean;
  flags?: { value: string; set: Array<{ bit: number; fields: string[] }>; unknown: string };
  count?: number;
  note?: string;
  incomplete?: true;
  children?: DissectNodeJson[];
}

export function dissectionJson(result: DissectResult): DissectionJson {
  return {
    layer: result.layer ?? null,
    buffers: result.buffers.map((b) =>
      b.from === undefined
        ? { index: b.index, length: b.bytes.length }
        : { index: b.index, length: b.bytes.length, from: b.from },
    ),
    tree: nodeJson(result.root),
    error:
      result.error === undefined
        ? null
        : {
            kind: result.error.kind,
            message: result.error.message,
            buffer: result.error.buffer,
            offset: result.error.offset,
            path: result.error.path,
          },
  };
}

function hex32(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, '0')}`;
}

function nodeJson(node: DissectNode): DissectNodeJson {
  const json: DissectNodeJson = {
    name: node.name,
    type: node.type,
    buffer: node.buffer,
    start: node.start,
    end: node.end,
  };
  const definition = node.definition;
  if (definition !== undefined) {
    json.definition = {
      name: definition.name,
      id: hex32(definition.id),
      kind: definition.kind,
      bare: definition.bare,
    };
    if (definition.result !== undefined) json.definition.result = definition.result;
  }
  if (node.valueKind !== undefined) json.valueKind = node.valueKind;
  if (node.value !== undefined) json.value = jsonValue(node.value);
  if (node.flags !== undefined) {
    json.flags = { value: hex32(node.flags.value), set: node.flags.set, unknown: hex32(node.flags.unknown) };
  }
  if (node.count !== undefined) json.count = node.count;
  if (node.note !== undefined) json.note = node.note;
  if (node.incomplete) json.incomplete = true;
  if (node.children.length > 0) json.children = node.children.map(nodeJson);
  return json;
}

function jsonValue(value: number | string | boolean): number | string | boolean {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value;
  return Object.is(value, -0) ? '-0' : String(value);
}
