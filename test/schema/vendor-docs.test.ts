// schema/vendor-docs.ts: mtcute's three files become the one docs file the generator reads: MTProto
// names without `mt_`, mtcute's `{@link RawX}` back to core.telegram.org links, a method's errors
// from its page and from raw-errors.json by type (code and text only where they differ from the
// table), one entry per line; the committed file parses without a diagnostic.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSchemaDocs } from '../../packages/codegen/src/parser/parse-docs-json.ts';
import { convertDocs, DOCS_NOTICE, type DocsSources, docsJsonText } from '../../schema/vendor-docs.ts';

const sources: DocsSources = {
  api: {
    l: 228,
    e: [
      {
        kind: 'class',
        name: 'messageMediaDocument',
        id: 1389939929,
        comment: ' Document ',
        arguments: [{ name: 'flags' }, { name: 'video', comment: 'Whether this is a video' }],
      },
      {
        kind: 'method',
        name: 'messages.startBot',
        id: 3873403768,
        comment: 'Start a bot; see {@link RawMessageMediaDocument} and {@link messages.RawStartBotRequest}',
        arguments: [{ name: 'bot', comment: 'The bot' }],
        throws: [
          { code: 400, name: 'BOT_INVALID', comment: 'This is not a valid bot.' },
          { code: 403, name: 'CHAT_WRITE_FORBIDDEN', comment: 'Not here.' },
        ],
        available: 'user',
      },
      { kind: 'class', name: 'mtcute.dummyUpdate', id: 1, arguments: [] },
    ],
    u: { Updates: 'Updates', MessageMedia: 'Media' },
  },
  mtproto: [{ kind: 'class', name: 'mt_rpc_error', id: 558156313, arguments: [] }],
  errors: {
    errors: {
      'FLOOD_WAIT_%d': { code: 420, name: 'FLOOD_WAIT_%d', description: 'A wait of %d seconds is required' },
      BOT_INVALID: { code: 400, name: 'BOT_INVALID', description: 'This is not a valid bot.' },
      CHAT_WRITE_FORBIDDEN: {
        code: 400,
        name: 'CHAT_WRITE_FORBIDDEN',
        description: "You can't write in this chat.",
      },
      AUTH_KEY_UNREGISTERED: { code: 401, name: 'AUTH_KEY_UNREGISTERED' },
    },
    throws: { 'messages.startBot': ['BOT_INVALID', 'AUTH_KEY_UNREGISTERED'], 'gone.method': ['BOT_INVALID'] },
  },
};

describe('docs:vendor', () => {
  it('converts mtcute’s files into one entry per line', () => {
    expect(docsJsonText(convertDocs(sources)).split('\n')).toEqual([
      '{',
      '  "layer": 228,',
      `  "notice": ${JSON.stringify(DOCS_NOTICE)},`,
      '  "types": {',
      '    "MessageMedia": "Media",',
      '    "Updates": "Updates"',
      '  },',
      '  "definitions": {',
      '    "messageMediaDocument": {"id":"52d8ccd9","description":"Document","arguments":{"video":"Whether this is a video"}},',
      '    "messages.startBot": {"id":"e6df7378","description":"Start a bot; see <a href=\\"https://core.telegram.org/constructor/messageMediaDocument\\">messageMediaDocument</a> and <a href=\\"https://core.telegram.org/method/messages.startBot\\">messages.startBot</a>","arguments":{"bot":"The bot"},"available":"user","errors":[{"type":"AUTH_KEY_UNREGISTERED"},{"type":"BOT_INVALID"},{"type":"CHAT_WRITE_FORBIDDEN","code":403,"description":"Not here."}]},',
      '    "rpc_error": {"id":"2144ca19","arguments":{}}',
      '  },',
      '  "errors": {',
      '    "AUTH_KEY_UNREGISTERED": {"code":401},',
      '    "BOT_INVALID": {"code":400,"description":"This is not a valid bot."},',
      '    "CHAT_WRITE_FORBIDDEN": {"code":400,"description":"You can\'t write in this chat."},',
      '    "FLOOD_WAIT_%d": {"code":420,"description":"A wait of %d seconds is required"}',
      '  }',
      '}',
      '',
    ]);
  });

  it('refuses a link to an entry it does not have', () => {
    const broken = structuredClone(sources);
    broken.api.e[0]!.comment = 'see {@link RawNothing}';
    expect(() => convertDocs(broken)).toThrow("no entry is mtcute's RawNothing");
  });

  it('reads back what it writes', () => {
    const { docs, diagnostics } = parseSchemaDocs(docsJsonText(convertDocs(sources)), 'docs.json');
    expect(diagnostics).toEqual([]);
    expect(docs.definitions.get('messages.startBot')).toEqual({
      id: 0xe6df7378,
      description: expect.stringContaining('Start a bot'),
      arguments: new Map([['bot', 'The bot']]),
      available: 'user',
      errors: [
        { type: 'AUTH_KEY_UNREGISTERED', code: 401, description: undefined },
        { type: 'BOT_INVALID', code: 400, description: 'This is not a valid bot.' },
        { type: 'CHAT_WRITE_FORBIDDEN', code: 403, description: 'Not here.' },
      ],
    });
  });

  it('has written schema/docs/layer228.json, which reads without a diagnostic', () => {
    const { docs, diagnostics } = parseSchemaDocs(
      readFileSync('schema/docs/layer228.json', 'utf8'),
      'layer228.json',
    );
    expect(diagnostics).toEqual([]);
    expect([docs.layer, docs.definitions.size, docs.types.size, docs.errors.size]).toEqual([
      228, 2490, 591, 824,
    ]);
    expect(docs.definitions.get('messages.startBot')?.errors.map((e) => e.type)).toHaveLength(12);
  });
});
