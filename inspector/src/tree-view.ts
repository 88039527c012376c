// The dissector's tree as rows of the page, one per value, in reading order: the byte range (purple
// when it is into inflated data) and `name: type = value`, indented by depth, as the CLI prints it.

import type { DissectNode, DissectResult } from '../../packages/codegen/src/dissect/dissect-tree.ts';
import { nodeText } from '../../packages/codegen/src/dissect/format-tree.ts';

export interface TreeRow {
  node: DissectNode;
  depth: number;
  element: HTMLElement;
}

export function renderTree(container: HTMLElement, result: DissectResult): TreeRow[] {
  container.replaceChildren();
  const rows: TreeRow[] = [];
  const visit = (node: DissectNode, depth: number): void => {
    const element = document.createElement('div');
    element.className = node.incomplete ? 'node incomplete' : 'node';
    element.dataset.row = String(rows.length);
    element.style.setProperty('--depth', String(depth));
    const range = document.createElement('span');
    range.className = node.buffer === 0 ? 'range' : 'range inflated';
    range.textContent = `${node.buffer === 0 ? '' : `#${node.buffer}`}[${node.start}, ${node.end})`;
    const text = document.createElement('span');
    text.className = 'text';
    text.textContent = nodeText(node, depth === 0);
    element.append(range, text);
    container.append(element);
    rows.push({ node, depth, element });
    for (const child of node.children) visit(child, depth + 1);
  };
  visit(result.root, 0);
  if (result.error !== undefined) {
    const error = document.createElement('div');
    error.className = 'error-row';
    error.textContent = `error ${result.error.message}`;
    container.append(error);
  }
  return rows;
}
