// JSDoc comments of generated code. Every text written into a comment (TL lines, descriptions from
// the docs, error texts) passes through `jsDocText`, the one place that keeps outside text from
// ending the comment or turning into a tag.

/**
 * `text` as it may stand inside a `/** … *\/` comment: `*\/` would end the comment (it becomes
 * `*\\/`), and an `@` at the start of a line or after whitespace would begin a JSDoc tag (TypeScript
 * reads `via @replies` as a tag `@replies`): it becomes `\@`, which Markdown shows as `@`.
 */
export function jsDocText(text: string): string {
  if (!text.includes('*/') && !text.includes('@')) return text;
  return text.replace(/\*\//g, '*\\/').replace(/(^|\s)@/gm, '$1\\@');
}

/** A comment's content: Markdown paragraphs, and tags (`@see …`) written as they are. */
export interface DocContent {
  paragraphs: readonly string[];
  tags?: readonly string[];
}

/**
 * The lines of a JSDoc comment: `/** text *\/` for one short line, else one ` * ` line per line of
 * text with a blank line between paragraphs. Empty paragraphs are left out.
 */
export function docCommentLines(content: DocContent): string[] {
  const paragraphs = content.paragraphs.filter((p) => p.trim() !== '').map(jsDocText);
  const tags = content.tags ?? [];
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (lines.length > 0) lines.push('');
    lines.push(...paragraph.split(/\r\n|[\r\n\u2028\u2029]/).map((line) => line.trimEnd()));
  }
  if (tags.length > 0 && lines.length > 0) lines.push('');
  lines.push(...tags);
  if (lines.length === 0) return [];
  if (lines.length === 1 && tags.length === 0) return [`/** ${lines[0]} */`];
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'];
}
