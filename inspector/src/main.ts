// The inspector page: paste TL bytes, pick a layer, and see the dissector's tree beside the bytes; a
// click on a value highlights its bytes, a click on a byte selects the innermost value holding it.
// Everything runs in the browser on the runtime, the parser and the resolver; the URL's hash holds the
// input, so a link reproduces a decode.

import { TlError } from '@tlforge/runtime';
import { type DissectOptions, dissect } from '../../packages/codegen/src/dissect/dissect-bytes.ts';
import type { DissectResult } from '../../packages/codegen/src/dissect/dissect-tree.ts';
import { nodeText } from '../../packages/codegen/src/dissect/format-tree.ts';
import { hexOf, parseInputText } from '../../packages/codegen/src/dissect/input-bytes.ts';
import { parseTypeRef } from '../../packages/codegen/src/dissect/type-ref-parse.ts';
import { examples } from './examples.ts';
import { HexView } from './hex-view.ts';
import { layerSchema } from './layer-schemas.ts';
import { type InspectorInput, inputFromHash, inputToHash } from './share-link.ts';
import { renderTree, type TreeRow } from './tree-view.ts';

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const form = element<HTMLFormElement>('controls');
const input = element<HTMLTextAreaElement>('input');
const layer = element<HTMLSelectElement>('layer');
const request = element<HTMLInputElement>('request');
const type = element<HTMLInputElement>('type');
const lenient = element<HTMLInputElement>('lenient');
const share = element<HTMLAnchorElement>('share');
const status = element<HTMLDivElement>('status');
const tree = element<HTMLElement>('tree');
const functions = element<HTMLDataListElement>('functions');
const selection = element<HTMLDivElement>('selection');

let rows: TreeRow[] = [];
let selected: TreeRow | undefined;
const hexView = new HexView(element('buffers'), element('hexview'), selectByte);

function select(row: TreeRow | undefined): void {
  selected?.element.classList.remove('selected');
  selected = row;
  if (row === undefined) return;
  row.element.classList.add('selected');
  row.element.scrollIntoView({ block: 'nearest' });
  const { node } = row;
  hexView.highlight(node.buffer, node.start, node.end);
  const where = node.buffer === 0 ? '' : ` of buffer #${node.buffer} (inflated)`;
  const size = node.end - node.start;
  selection.textContent = `${nodeText(node, row.depth === 0)}\nbytes [${node.start}, ${node.end})${where}: ${size} ${size === 1 ? 'byte' : 'bytes'}`;
}

/** The innermost value read at `offset` of `buffer`: the last row in reading order whose range holds it. */
function selectByte(buffer: number, offset: number): void {
  let found: TreeRow | undefined;
  for (const row of rows) {
    const { node } = row;
    if (node.buffer === buffer && node.start <= offset && offset < node.end) found = row;
  }
  select(found);
}

function currentInput(bytes: Uint8Array): InspectorInput {
  return {
    layer: layer.value,
    hex: hexOf(bytes),
    request: request.value.trim(),
    type: type.value.trim(),
    lenient: lenient.checked,
  };
}

function fillForm(value: InspectorInput): void {
  // In 4-byte words, as the CLI and the tests write bytes.
  input.value = value.hex.replace(/\s+/g, '').replace(/(.{8})(?=.)/g, '$1 ');
  layer.value = value.layer;
  request.value = value.request;
  type.value = value.type;
  lenient.checked = value.lenient;
}

function decode(): void {
  let result: DissectResult;
  try {
    const bytes = parseInputText(input.value).bytes;
    const schema = layerSchema(layer.value);
    fillFunctions(layer.value);
    const options: DissectOptions = { strict: !lenient.checked };
    if (request.value.trim() !== '') options.request = request.value.trim();
    if (type.value.trim() !== '') options.type = parseTypeRef(type.value.trim(), schema);
    result = dissect(schema, bytes, options);
    const hash = inputToHash(currentInput(bytes));
    share.href = hash;
    history.replaceState(null, '', hash);
  } catch (e) {
    if (!(e instanceof TlError)) throw e;
    status.className = 'error';
    status.textContent = e.message;
    return;
  }
  const layerText = result.layer === undefined ? '' : `layer ${result.layer}, `;
  const inflated = result.buffers.length > 1 ? `, ${result.buffers.length - 1} gzip_packed inflated` : '';
  status.className = result.error === undefined ? '' : 'error';
  status.textContent =
    result.error === undefined
      ? `${layerText}${result.buffers[0]!.bytes.length} bytes decoded${inflated}`
      : `${layerText}${result.buffers[0]!.bytes.length} bytes: error ${result.error.message}`;
  rows = renderTree(tree, result);
  hexView.show(result);
  select(rows[0]);
}

let functionsOf = '';
function fillFunctions(name: string): void {
  if (functionsOf === name) return;
  functionsOf = name;
  functions.replaceChildren(
    ...layerSchema(name).model.functions.map((f) => {
      const option = document.createElement('option');
      option.value = f.name;
      return option;
    }),
  );
}

tree.addEventListener('click', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLElement>('.node')?.dataset.row;
  if (row !== undefined) select(rows[Number(row)]);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  decode();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-example]')) {
  button.addEventListener('click', () => {
    const example = examples[button.dataset.example ?? ''];
    if (example === undefined) return;
    fillForm(example);
    decode();
  });
}

const fromLink = inputFromHash(location.hash);
if (fromLink !== undefined) {
  fillForm(fromLink);
  decode();
}
