// A schema diff as Markdown for people: a title with the layers, one summary line with the counts,
// then Added, Removed, Changed (constructors, then functions) and Types. Every list is in the
// diff's name order and nothing depends on the clock or the machine, so the same two schemas
// always give the same text: `tlforge diff` prints it and a layer bump commits it.

import type {
  TlDefinitionChange,
  TlDefinitionDiff,
  TlDefinitionSummary,
  TlSchemaDiff,
  TlTypeMembershipChange,
} from './schema-diff.ts';

/** `614 added, 14 removed, 343 changed (210 breaking), 935 unchanged` */
export function schemaDiffSummary(diff: TlSchemaDiff): string {
  const breaking = diff.changed.filter((definition) => definition.breaking).length;
  return (
    `${diff.added.length} added, ${diff.removed.length} removed, ` +
    `${diff.changed.length} changed (${breaking} breaking), ${diff.unchanged} unchanged`
  );
}

/** The whole report, ending with a newline. */
export function schemaDiffMarkdown(diff: TlSchemaDiff): string {
  const lines = [
    `# Schema changes: ${layerText(diff.from.layer)} → ${layerText(diff.to.layer)}`,
    '',
    `${schemaDiffSummary(diff)}.`,
    '',
    `From ${codeList(diff.from.files)} to ${codeList(diff.to.files)}.`,
  ];
  section(lines, 'Added', diff.added, summaryLine);
  section(lines, 'Removed', diff.removed, summaryLine);
  section(lines, 'Changed', diff.changed, changedLines);
  if (diff.types.length > 0) {
    lines.push('', '## Types', '', ...diff.types.map(typeLine));
  }
  return `${lines.join('\n')}\n`;
}

/** `## Title` with `### Constructors (N)` and `### Functions (N)` below it; nothing when empty. */
function section<T extends TlDefinitionSummary | TlDefinitionDiff>(
  lines: string[],
  title: string,
  items: readonly T[],
  render: (item: T) => string[],
): void {
  if (items.length === 0) return;
  lines.push('', `## ${title}`);
  for (const [kind, heading] of [
    ['constructor', 'Constructors'],
    ['function', 'Functions'],
  ] as const) {
    const ofKind = items.filter((item) => item.kind === kind);
    if (ofKind.length === 0) continue;
    const breaking = ofKind.filter((item) => 'breaking' in item && item.breaking).length;
    const count = title === 'Changed' ? `${ofKind.length}, ${breaking} breaking` : `${ofKind.length}`;
    lines.push('', `### ${heading} (${count})`, '', ...ofKind.flatMap(render));
  }
}

function summaryLine(definition: TlDefinitionSummary): string[] {
  return [`- \`${definition.name}#${definition.id}\` = \`${definition.type}\``];
}

function changedLines(definition: TlDefinitionDiff): string[] {
  return [
    `- \`${definition.name}\`${breakingMark(definition.breaking)}`,
    ...definition.changes.map((change) => `  - ${changeText(change)}${breakingMark(change.breaking)}`),
  ];
}

function changeText(change: TlDefinitionChange): string {
  const field = `\`${change.field}\``;
  const before = `\`${change.before ?? ''}\``;
  const after = `\`${change.after ?? ''}\``;
  switch (change.kind) {
    case 'id-changed':
      return `id ${before} → ${after}`;
    case 'type-changed':
      return `type ${before} → ${after}`;
    case 'result-type-changed':
      return `result ${before} → ${after}`;
    case 'type-params-changed':
      return `type parameters ${change.before || 'none'} → ${change.after || 'none'}`;
    case 'field-added-optional':
      return `${field} added, optional: ${after}`;
    case 'field-added-required':
      return `${field} added, required: ${after}`;
    case 'field-removed':
      return `${field} removed (was ${before})`;
    case 'field-type-changed':
      return `${field} retyped: ${before} → ${after}`;
    case 'field-flag-moved':
      return `${field} flag moved: ${before} → ${after}`;
    case 'field-made-optional':
      return `${field} made optional: ${after}`;
    case 'field-made-required':
      return `${field} made required (was ${before})`;
    case 'flags-word-added':
      return `${field} flags word added`;
    case 'flags-word-removed':
      return `${field} flags word removed`;
    case 'fields-reordered':
      return `fields reordered: ${before} → ${after}`;
  }
}

function typeLine(type: TlTypeMembershipChange): string {
  switch (type.change) {
    case 'added':
      return `- \`${type.name}\` (new): ${codeList(type.joined)}`;
    case 'removed':
      return `- \`${type.name}\` (removed): ${codeList(type.left)}`;
    case 'members-changed': {
      const parts = [];
      if (type.joined.length > 0) parts.push(`joined ${codeList(type.joined)}`);
      if (type.left.length > 0) parts.push(`left ${codeList(type.left)}`);
      return `- \`${type.name}\`: ${parts.join('; ')}`;
    }
  }
}

function breakingMark(breaking: boolean): string {
  return breaking ? ' — **breaking**' : '';
}

function layerText(layer: number | null): string {
  return layer === null ? 'unknown layer' : `layer ${layer}`;
}

function codeList(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(', ');
}
