// A schema file in JSON read into the `ParsedSchema` the TL parser produces, so that the resolver, the
// id check and everything after them never hear of JSON. Two forms are read, told apart by their top
// level: Telegram's (`{ "constructors", "methods" }`, telegram-json-schema.ts) and mtcute's
// (`{ "l", "e", "u" }` or an array of entries, mtcute-json-schema.ts). Positions carry the JSON path.

import type { ParsedSchema } from './declaration.ts';
import { JsonShape } from './json-shape.ts';
import { nodePosition, parseJsonText } from './json-text.ts';
import { readMtcuteSchema, type SchemaComments } from './mtcute-json-schema.ts';
import { TlSchemaError } from './schema-error.ts';
import { type JsonSchemaContent, readTelegramSchema } from './telegram-json-schema.ts';

export type JsonSchemaForm = 'telegram' | 'mtcute';

export interface ParsedJsonSchema extends ParsedSchema {
  /** Which form the file is in; undefined when the text is not JSON or neither form. */
  form?: JsonSchemaForm;
  /** mtcute's documentation comments, when the file has them; not part of the model. */
  comments?: SchemaComments;
}

/**
 * Parses one JSON schema file's text; `file` names it in positions and diagnostics. Never throws on
 * bad input: malformed JSON, values of the wrong shape and bad types become `TlSchemaError`s (with
 * the JSON path as position), and every usable declaration is still returned.
 */
export function parseJsonSchema(text: string, file: string): ParsedJsonSchema {
  const json = parseJsonText(text, file);
  const shape = new JsonShape(file);
  const parsed: ParsedJsonSchema = { file, declarations: [], diagnostics: json.diagnostics };
  const { root } = json;
  if (root === undefined) return parsed;

  let content: JsonSchemaContent | undefined;
  if (root.kind === 'object' && root.members.has('constructors')) {
    parsed.form = 'telegram';
    content = readTelegramSchema(root, shape);
  } else if (root.kind === 'array' || (root.kind === 'object' && root.members.has('e'))) {
    parsed.form = 'mtcute';
    const mtcute = readMtcuteSchema(root, shape);
    parsed.comments = mtcute.comments;
    content = mtcute;
  } else {
    shape.diagnostics.push(
      new TlSchemaError(
        'json-shape',
        nodePosition(root, file),
        'expected a schema in Telegram\'s JSON form (an object with "constructors" and "methods") or ' +
          'in mtcute\'s (an object with "l", "e" and "u", or an array of entries)',
        root.kind === 'object' ? '{…}' : root.kind,
      ),
    );
  }
  if (content) {
    parsed.declarations = content.declarations;
    if (content.layer !== undefined) {
      parsed.layer = content.layer;
      parsed.layerPosition = content.layerPosition;
    }
  }
  parsed.diagnostics = [...json.diagnostics, ...shape.diagnostics];
  return parsed;
}
