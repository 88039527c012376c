// The error Telegram answers a request with instead of its result (`rpc_error#2144ca19
// error_code:int error_message:string`), as an exception with the parts of its text taken apart:
// `FLOOD_WAIT_42` is the documented type `FLOOD_WAIT_X` carrying the value 42.

import { TlError } from './errors.ts';

/** Looks up the documented description of an error type; `%d` in it stands for the error's value. */
export type RpcErrorDescriptions = (type: string) => string | undefined;

/**
 * Set by the generated `describeRpcErrors()`: the descriptions are hundreds of kilobytes that only the
 * programs asking for them should bundle, so the runtime never imports them.
 */
let descriptions: RpcErrorDescriptions | undefined;

/**
 * Makes every `RpcError` created from now on carry the description `lookup` gives for its type (and
 * say it in its message); `undefined` stops it. Generated code calls this from `describeRpcErrors()`.
 */
export function setRpcErrorDescriptions(lookup: RpcErrorDescriptions | undefined): void {
  descriptions = lookup;
}

/**
 * An `rpc_error` as an exception: `request.readResult(bytes)` throws it when Telegram answered with
 * one. `T` is the type union the caller expects (the generated `RpcErrorType`, or a request's
 * `Errors`); the text itself is never checked against it: errors the tables do not list parse too.
 */
export class RpcError<T extends string = string> extends TlError {
  declare readonly kind: 'rpc-error';
  /** `error_code`: 400, 403, 420, … (negative for some server-side failures: -503). */
  readonly code: number;
  /**
   * The type as the documentation writes it: the number the text carries replaced by `X`
   * (`FLOOD_WAIT_42` → `FLOOD_WAIT_X`, `FILE_REFERENCE_3_EXPIRED` → `FILE_REFERENCE_X_EXPIRED`).
   * Equal to `text` when it carries none.
   */
  readonly type: T;
  /** The number the text carries (42 in `FLOOD_WAIT_42`), or undefined. */
  readonly value: number | undefined;
  /** `error_message` as received. */
  readonly text: string;
  /** The documented description (`%d` filled in), when `describeRpcErrors()` was called and the type is documented. */
  readonly description: string | undefined;
  /** The TL name of the method that failed (`messages.startBot`), when known. */
  readonly method: string | undefined;

  /** Never throws, whatever `text` is: an unknown type is taken as it is. */
  constructor(code: number, text: string, method?: string) {
    const parsed = parseRpcErrorText(String(text));
    const template = descriptions?.(parsed.type);
    const description =
      template === undefined ? undefined : template.replaceAll('%d', String(parsed.value ?? 'X'));
    super('rpc-error', rpcErrorMessage(code, parsed.text, method, description));
    this.code = code;
    this.type = parsed.type as T;
    this.value = parsed.value;
    this.text = parsed.text;
    this.description = description;
    this.method = method;
  }

  /**
   * Whether `error` is an `RpcError`, and when `type` is given, one of that type: `FLOOD_WAIT_X`
   * matches `FLOOD_WAIT_42`. The exact text matches too (`FILE_PART_0_MISSING` is documented beside
   * `FILE_PART_X_MISSING`).
   */
  static is<T extends string = string>(error: unknown, type?: T): error is RpcError<T> {
    if (!(error instanceof RpcError)) return false;
    return type === undefined || error.type === type || error.text === type;
  }

  /** From a decoded `rpc_error` object (`Api.RpcError`). */
  static from(error: { errorCode: number; errorMessage: string }, method?: string): RpcError {
    return new RpcError(error.errorCode, error.errorMessage, method);
  }
}

export interface ParsedRpcErrorText {
  text: string;
  type: string;
  value: number | undefined;
}

/**
 * Splits an error text into its documented type and value. The number is the first run of digits
 * that follows a `_` and ends the text or is followed by `_` or a capital letter: `FLOOD_WAIT_42`,
 * `FILE_REFERENCE_3_EXPIRED`, `PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN`; the digits of `2FA_…`,
 * `SHA256_…` and `AUTH_TOKEN_INVALID2` are part of the name. Every documented type follows this
 * rule (the tests check all of them), so no table is needed here.
 */
export function parseRpcErrorText(text: string): ParsedRpcErrorText {
  const match = NUMBER_IN_TYPE.exec(text);
  if (match === null) return { text, type: text, value: undefined };
  const digits = match[1]!;
  const start = match.index + 1;
  return {
    text,
    type: `${text.slice(0, start)}X${text.slice(start + digits.length)}`,
    value: Number(digits),
  };
}

const NUMBER_IN_TYPE = /_([0-9]+)(?=$|[_A-Z])/;

function rpcErrorMessage(
  code: number,
  text: string,
  method: string | undefined,
  description: string | undefined,
): string {
  const failed = method === undefined ? '' : `${method}: `;
  const why = description === undefined ? '' : ` (${description})`;
  return `${failed}${code} ${text}${why}`;
}
