// The documentation of the generated latest layer (schema/docs/layer228.json): the JSDoc of the two
// seed methods exactly (what their GramJS pages show, with layer 228's tables where those pages are
// older: USER_BOT_REQUIRED, the errors of messages.startBot, users only), the types of their errors,
// the union of every documented error type, and layer 122 left undocumented.

import { existsSync, readFileSync } from 'node:fs';
import { setRpcErrorDescriptions } from '@tlforge/runtime';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Api,
  describeRpcErrors,
  isRpcError,
  RpcError,
  type RpcErrorType,
  rpcErrorDescription,
} from '../../packages/layers/src/latest/index.ts';

const latest = 'packages/layers/src/latest';

/** The JSDoc right above the line that starts with `declaration` in `file`, and the line after it. */
function docAbove(file: string, declaration: string): string[] {
  const lines = readFileSync(`${latest}/${file}`, 'utf8').split('\n');
  const at = lines.findIndex((line) => line.startsWith(declaration));
  expect(at, `${declaration} in ${file}`).toBeGreaterThan(0);
  let start = at - 1;
  while (!lines[start]!.startsWith('/**')) start--;
  return lines.slice(start, at + 1);
}

const startBotDoc = [
  '/**',
  ' * Start a conversation with a bot using a [deep linking parameter](https://core.telegram.org/api/links#bot-links)',
  ' *',
  ' * `messages.startBot#e6df7378 bot:InputUser peer:InputPeer random_id:long start_param:string = Updates`',
  ' *',
  ' * Result: {@link Api.TypeUpdates}',
  ' *',
  ' * Users only: bots cannot call this method.',
  ' *',
  ' * Errors:',
  ' * - 400 `BOT_INVALID`: This is not a valid bot.',
  " * - 400 `BUSINESS_CONNECTION_NOT_ALLOWED`: This method was invoked over a business connection using [invokeWithBusinessConnection](https://core.telegram.org/api/business#connected-bots), but either (1) we're a user, and users cannot invoke methods over a business connection; (2) we're a bot, but business mode was disabled in \\@botfather or (3); we're a bot, but this method cannot be invoked over a business connection.",
  ' * - 400 `CHAT_ADMIN_REQUIRED`: You must be an admin in this chat to do this.',
  ' * - 400 `INPUT_USER_DEACTIVATED`: The specified user was deleted.',
  ' * - 400 `MSG_ID_INVALID`: Invalid message ID provided.',
  ' * - 400 `PEER_ID_INVALID`: The provided peer id is invalid.',
  ' * - 400 `START_PARAM_EMPTY`: The start parameter is empty.',
  ' * - 400 `START_PARAM_INVALID`: Start parameter invalid.',
  ' * - 400 `START_PARAM_TOO_LONG`: Start parameter is too long.',
  ' * - 401 `AUTH_KEY_UNREGISTERED`: The specified authorization key is not registered in the system (for example, a PFS temporary key has expired).',
  " * - 403 `CHAT_WRITE_FORBIDDEN`: You can't write in this chat.",
  ' * - 500 `RANDOM_ID_DUPLICATE`: You provided a random ID that was already used.',
  ' *',
  ' * @see https://core.telegram.org/method/messages.startBot',
  ' */',
];

const sendCustomRequestDoc = [
  '/**',
  ' * Sends a custom request; for bots only',
  ' *',
  ' * `bots.sendCustomRequest#aa2769ed custom_method:string params:DataJSON = DataJSON`',
  ' *',
  ' * Result: {@link Api.TypeDataJSON}',
  ' *',
  ' * Bots only: users cannot call this method.',
  ' *',
  ' * Errors:',
  " * - 400 `BUSINESS_CONNECTION_NOT_ALLOWED`: This method was invoked over a business connection using [invokeWithBusinessConnection](https://core.telegram.org/api/business#connected-bots), but either (1) we're a user, and users cannot invoke methods over a business connection; (2) we're a bot, but business mode was disabled in \\@botfather or (3); we're a bot, but this method cannot be invoked over a business connection.",
  ' * - 400 `DATA_JSON_INVALID`: The provided JSON data is invalid.',
  ' * - 400 `METHOD_INVALID`: The specified method is invalid.',
  ' * - 400 `USER_BOT_REQUIRED`: This method can only be called by a bot.',
  ' * - 401 `AUTH_KEY_UNREGISTERED`: The specified authorization key is not registered in the system (for example, a PFS temporary key has expired).',
  ' *',
  ' * @see https://core.telegram.org/method/bots.sendCustomRequest',
  ' */',
];

/** The seven errors the GramJS page of messages.startBot lists. */
const startBotSeedErrors = [
  'BOT_INVALID',
  'INPUT_USER_DEACTIVATED',
  'MSG_ID_INVALID',
  'PEER_ID_INVALID',
  'START_PARAM_EMPTY',
  'START_PARAM_INVALID',
  'START_PARAM_TOO_LONG',
] as const;

afterEach(() => setRpcErrorDescriptions(undefined));

describe('the JSDoc of the latest layer', () => {
  it('documents messages.StartBot on the class and on the exported constant', () => {
    expect(docAbove('api/messages.ts', 'class StartBot$ {')).toEqual([...startBotDoc, 'class StartBot$ {']);
    expect(docAbove('api/messages.ts', 'export const StartBot: ')).toEqual([
      ...startBotDoc,
      "export const StartBot: typeof StartBot$ = /*@__PURE__*/ defineTlClass(StartBot$, 0xe6df7378, 0x8af52aac, 'messages.StartBot', 'request', 'messages.startBot bot:InputUser peer:InputPeer random_id:long start_param:string');",
    ]);
  });

  it('documents the fields and constructor arguments of messages.StartBot', () => {
    const text = readFileSync(`${latest}/api/messages.ts`, 'utf8');
    const randomId =
      'Random ID to avoid resending the same message. See [here »](https://core.telegram.org/api/updates#updatemessageid-updates) for more info on random ID deduplication and updateMessageID mapping.';
    expect(text).toContain(
      [
        '  /** The bot */',
        '  declare bot: Api.TypeInputUser;',
        "  /** The chat where to start the bot, can be the bot's private chat or a group */",
        '  declare peer: Api.TypeInputPeer;',
        `  /** ${randomId} */`,
        '  declare randomId: BigInteger;',
        '  /** [Deep linking parameter](https://core.telegram.org/api/links#bot-links) */',
        '  declare startParam: string;',
        '',
        '  constructor(args: {',
        '    /** The bot */',
        '    bot: Api.TypeInputUser;',
        "    /** The chat where to start the bot, can be the bot's private chat or a group */",
        '    peer: Api.TypeInputPeer;',
        `    /** ${randomId} */`,
        '    randomId: LongInput;',
        '    /** [Deep linking parameter](https://core.telegram.org/api/links#bot-links) */',
        '    startParam: string;',
        '  }) {',
      ].join('\n'),
    );
  });

  it('documents bots.SendCustomRequest with USER_BOT_REQUIRED, as layer 228 names it', () => {
    expect(docAbove('api/bots.ts', 'class SendCustomRequest$ {')).toEqual([
      ...sendCustomRequestDoc,
      'class SendCustomRequest$ {',
    ]);
    expect(readFileSync(`${latest}/api/bots.ts`, 'utf8')).toContain(
      [
        '  /** The method name */',
        '  declare customMethod: string;',
        '  /** JSON-serialized method parameters */',
        '  declare params: Api.TypeDataJSON;',
      ].join('\n'),
    );
  });

  it('links a definition named in a description to its class', () => {
    const [, description] = docAbove('api.ts', 'class MessageEntityMention$ {');
    expect(description).toBe(
      ' * Message entity [mentioning](https://core.telegram.org/api/mentions) a user by `@username`; {@link Api.MessageEntityMentionName} can also be used to mention users by their ID.',
    );
  });

  it('documents a union with its description and page', () => {
    expect(docAbove('api.ts', 'export type TypeInputPeer =')).toEqual([
      '/**',
      ' * Peer',
      ' *',
      ' * Any constructor of `InputPeer`, discriminated by `className`.',
      ' *',
      ' * @see https://core.telegram.org/type/InputPeer',
      ' */',
      'export type TypeInputPeer = ',
    ]);
  });
});

describe('the typed RPC errors of the latest layer', () => {
  it('gives messages.StartBot the union of its errors, the seed page’s seven among them', () => {
    expectTypeOf<Api.messages.StartBot.Errors>().toEqualTypeOf<
      | 'AUTH_KEY_UNREGISTERED'
      | 'BOT_INVALID'
      | 'BUSINESS_CONNECTION_NOT_ALLOWED'
      | 'CHAT_ADMIN_REQUIRED'
      | 'CHAT_WRITE_FORBIDDEN'
      | 'INPUT_USER_DEACTIVATED'
      | 'MSG_ID_INVALID'
      | 'PEER_ID_INVALID'
      | 'RANDOM_ID_DUPLICATE'
      | 'START_PARAM_EMPTY'
      | 'START_PARAM_INVALID'
      | 'START_PARAM_TOO_LONG'
    >();
    expectTypeOf<(typeof startBotSeedErrors)[number]>().toExtend<Api.messages.StartBot.Errors>();
    expectTypeOf<Api.bots.SendCustomRequest.Errors>().toEqualTypeOf<
      | 'AUTH_KEY_UNREGISTERED'
      | 'BUSINESS_CONNECTION_NOT_ALLOWED'
      | 'DATA_JSON_INVALID'
      | 'METHOD_INVALID'
      | 'USER_BOT_REQUIRED'
    >();
    const text = readFileSync(`${latest}/api/messages.ts`, 'utf8');
    const union = text.slice(text.indexOf('export declare namespace StartBot {'));
    expect(union.slice(0, union.indexOf('}') + 1).match(/'[A-Z_]+'/g)).toHaveLength(12);
  });

  it('types every documented error: FLOOD_WAIT_X, 2FA_CONFIRM_WAIT_X, FILE_REFERENCE_X_EXPIRED', () => {
    expectTypeOf<
      'FLOOD_WAIT_X' | '2FA_CONFIRM_WAIT_X' | 'FILE_REFERENCE_X_EXPIRED'
    >().toExtend<RpcErrorType>();
    expectTypeOf<Api.messages.StartBot.Errors>().toExtend<RpcErrorType>();
    const errors = readFileSync(`${latest}/errors.ts`, 'utf8');
    const union = errors.slice(
      errors.indexOf('export type RpcErrorType ='),
      errors.indexOf(';\n/** `RpcError.is`'),
    );
    expect(union.match(/^ {2}\| '/gm)).toHaveLength(824);
  });

  it('narrows with isRpcError, and refuses a misspelt type', () => {
    const caught: unknown = new RpcError(420, 'FLOOD_WAIT_42', 'messages.sendMessage');
    expect(isRpcError(caught, 'FLOOD_WAIT_X')).toBe(true);
    expect(isRpcError(caught, 'SLOWMODE_WAIT_X')).toBe(false);
    if (isRpcError(caught, 'FLOOD_WAIT_X')) expectTypeOf(caught.type).toEqualTypeOf<'FLOOD_WAIT_X'>();
    // @ts-expect-error: not a documented type
    expect(isRpcError(caught, 'FLOD_WAIT_X')).toBe(false);
  });

  it('looks descriptions up only when asked, the number filled in', () => {
    expect(rpcErrorDescription('FLOOD_WAIT_X')).toBe('A wait of %d seconds is required');
    expect(rpcErrorDescription('NO_SUCH_ERROR')).toBeUndefined();
    expect(new RpcError(420, 'FLOOD_WAIT_42').description).toBeUndefined();
    describeRpcErrors();
    const flood = new RpcError(420, 'FLOOD_WAIT_42', 'messages.sendMessage');
    expect(flood.description).toBe('A wait of 42 seconds is required');
    expect(flood.message).toBe('messages.sendMessage: 420 FLOOD_WAIT_42 (A wait of 42 seconds is required)');
  });

  it('leaves layer 122 undocumented: its definitions are not the ones the texts were written for', () => {
    expect(existsSync('packages/layers/src/layer122/errors.ts')).toBe(false);
    const text = readFileSync('packages/layers/src/layer122/api/messages.ts', 'utf8');
    const lines = text.split('\n');
    const at = lines.indexOf('class StartBot$ {');
    expect(lines[at - 1]).toBe(
      '/** `messages.startBot#e6df7378 bot:InputUser peer:InputPeer random_id:long start_param:string = Updates` */',
    );
    expect(text).not.toContain('export declare namespace');
  });
});
