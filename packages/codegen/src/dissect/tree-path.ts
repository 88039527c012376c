// The TL path of a node from its ancestors, as errors name values: the root's constructor, then field
// names, vector indexes attached to their field (`messages.messages.messages[3].message`). A gzip_packed's
// `inflated` content adds no segment: the value inside stands where the gzip_packed does.

import type { DissectNode } from './dissect-tree.ts';

/** `nodes` runs from the root to the node whose path this is. */
export function treePath(nodes: readonly DissectNode[]): string {
  let path = '';
  nodes.forEach((node, index) => {
    const segment = index === 0 ? (node.definition?.name ?? '') : node.name === 'inflated' ? '' : node.name;
    if (segment === '') return;
    path += path === '' || segment.startsWith('[') ? segment : `.${segment}`;
  });
  return path;
}
