// Where two layers part ways on the same bytes (`tlforge decode --layers 122,latest`): both trees are
// walked in reading order, and the first value read differently (another constructor, range, type or
// value, a value one of them never reached, or a decode error one of them ran into) is the divergence.

import type { DissectNode, DissectResult } from './dissect-tree.ts';
import { nodeText } from './format-tree.ts';
import { treePath } from './tree-path.ts';

export interface Divergence {
  /** The TL path of the value in the first tree (or the second, when the first has none there). */
  path: string;
  /** Where the value starts: buffer and offset. */
  buffer: number;
  offset: number;
  /** How each side read it, as the text tree shows a value; undefined when a side has no such value. */
  first: string | undefined;
  second: string | undefined;
}

/** The first value `a` and `b` read differently; undefined when they agree throughout, errors included. */
export function firstDivergence(a: DissectResult, b: DissectResult): Divergence | undefined {
  const found = compareNodes([a.root], [b.root]);
  if (found !== undefined) return found;
  if (a.error?.message !== b.error?.message) {
    const error = a.error ?? b.error!;
    return {
      path: error.path,
      buffer: error.buffer,
      offset: error.offset,
      first: a.error === undefined ? 'decodes' : `error ${a.error.message}`,
      second: b.error === undefined ? 'decodes' : `error ${b.error.message}`,
    };
  }
  return undefined;
}

/**
 * `a` and `b` are the paths from the roots to two nodes read at the same place. What a node starts
 * with (its place, type, constructor, count) is compared before its children; its value and its end
 * after them, so a difference is reported where it begins rather than at every enclosing value.
 */
function compareNodes(a: DissectNode[], b: DissectNode[]): Divergence | undefined {
  const x = a.at(-1)!;
  const y = b.at(-1)!;
  if (!sameStart(x, y)) return divergence(a, b, x, y);
  const n = Math.max(x.children.length, y.children.length);
  for (let i = 0; i < n; i++) {
    const cx = x.children[i];
    const cy = y.children[i];
    if (cx === undefined || cy === undefined) return divergence([...a, cx ?? x], [...b, cy ?? y], cx, cy);
    const found = compareNodes([...a, cx], [...b, cy]);
    if (found !== undefined) return found;
  }
  if (!Object.is(x.value, y.value) || x.end !== y.end || x.incomplete !== y.incomplete) {
    return divergence(a, b, x, y);
  }
  return undefined;
}

function sameStart(x: DissectNode, y: DissectNode): boolean {
  return (
    x.name === y.name &&
    x.type === y.type &&
    x.buffer === y.buffer &&
    x.start === y.start &&
    x.definition?.name === y.definition?.name &&
    x.definition?.id === y.definition?.id &&
    x.count === y.count
  );
}

function divergence(
  a: DissectNode[],
  b: DissectNode[],
  first: DissectNode | undefined,
  second: DissectNode | undefined,
): Divergence {
  const path = first === undefined ? b : a;
  const node = (first ?? second)!;
  const describe = (n: DissectNode | undefined, root: boolean) =>
    n === undefined ? undefined : `${nodeText(n, root)} [${n.start}, ${n.end})`;
  return {
    path: treePath(path),
    buffer: node.buffer,
    offset: node.start,
    first: describe(first, a.length === 1),
    second: describe(second, b.length === 1),
  };
}
