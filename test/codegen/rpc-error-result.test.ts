// `request.readResult(bytes)` when Telegram answered with an `rpc_error` instead of a result: it
// throws an RpcError naming the method (the wrapped query's for invokeWith…), whatever the result
// type (a Bool would otherwise read leniently as false); a cut-off rpc_error is a decode error.

import { TlDecodeError } from '@tlforge/runtime';
import { describe, expect, it } from 'vitest';
import { Api, RpcError } from '../../packages/layers/src/latest/index.ts';
import { Api as Api122 } from '../../packages/layers/src/layer122/index.ts';
import { thrown } from '../runtime/capture.ts';
import { hex } from './hex.ts';

function rpcError(code: number, message: string): Uint8Array {
  return new Api.RpcError({ errorCode: code, errorMessage: message }).serialize();
}

const startBot = new Api.messages.StartBot({
  bot: new Api.InputUserSelf(),
  peer: new Api.InputPeerSelf(),
  randomId: 1,
  startParam: 'ref',
});

describe('readResult of an rpc_error', () => {
  it('throws an RpcError naming the method', () => {
    const bytes = rpcError(400, 'BOT_INVALID');
    expect(bytes.slice(0, 4)).toEqual(hex('19ca4421'));
    const error = thrown(() => startBot.readResult(bytes));
    expect(error).toBeInstanceOf(RpcError);
    expect(error).toMatchObject({
      kind: 'rpc-error',
      code: 400,
      type: 'BOT_INVALID',
      value: undefined,
      text: 'BOT_INVALID',
      method: 'messages.startBot',
      message: 'messages.startBot: 400 BOT_INVALID',
    });
    expect(RpcError.is<Api.messages.StartBot.Errors>(error, 'BOT_INVALID')).toBe(true);
  });

  it('takes the value out of FLOOD_WAIT_42', () => {
    const error = thrown(() => startBot.readResult(rpcError(420, 'FLOOD_WAIT_42')));
    expect(RpcError.is(error, 'FLOOD_WAIT_X') && [error.code, error.value]).toEqual([420, 42]);
  });

  it('throws it for a Bool result too, which would otherwise read as false', () => {
    const request = new Api.auth.ResetAuthorizations();
    const error = thrown(() => request.readResult(rpcError(406, 'FRESH_RESET_AUTHORISATION_FORBIDDEN')));
    expect(error).toMatchObject({ code: 406, method: 'auth.resetAuthorizations' });
  });

  it('names the wrapped query when an invokeWith… wrapper reads the result', () => {
    const wrapped = new Api.InvokeWithLayer({ layer: 228, query: startBot });
    const error = thrown(() => wrapped.readResult(rpcError(400, 'START_PARAM_INVALID')));
    expect(error).toMatchObject({ type: 'START_PARAM_INVALID', method: 'messages.startBot' });
  });

  it('does it in layers generated without docs as well', () => {
    const request = new Api122.help.GetNearestDc();
    const error = thrown(() => request.readResult(rpcError(500, 'AUTH_RESTART_7')));
    expect(error).toMatchObject({ type: 'AUTH_RESTART_X', value: 7, method: 'help.getNearestDc' });
  });

  it('reads a cut-off rpc_error as a decode error, and a result as before', () => {
    const error = thrown(() => startBot.readResult(hex('19ca4421 90010000')));
    expect(error).toBeInstanceOf(TlDecodeError);
    expect((error as TlDecodeError).kind).toBe('truncated');
    expect(thrown(() => startBot.readResult(rpcError(400, 'BOT_INVALID').slice(0, 3)))).toBeInstanceOf(
      TlDecodeError,
    );
    expect(startBot.readResult(hex('7eaf17e3'))).toBeInstanceOf(Api.UpdatesTooLong);
  });
});
