// A boxed type of the schema as a value: `Api.TypeUpdates.read(bytes)` decodes one value of that type
// (an update pushed by the server, a stored object) and `Api.TypeUpdates.is(value)` recognizes one.
// Generated modules define one per type, next to the union type of the same name.

import { noRegistry, type ReaderRegistry, readBoxed, type TlReader, type TlReaderOptions } from './reader.ts';
import { isTlObject, type TlObject } from './tl-object.ts';

export class TlBoxedType<T> {
  /**
   * @param SUBCLASS_OF_ID The type's id (crc32 of its name): the `SUBCLASS_OF_ID` of each of its
   *   constructors and of each request that returns it.
   * @param typeName The type as the schema writes it: `Updates`, `messages.Messages`.
   * @param reader The generated reader of a boxed value of the type (the id, then its constructor).
   * @param registry The registry of every class, for a type whose values can hold an `Object` (any
   *   constructor); otherwise none, so that reading the type bundles only the classes it can hold.
   * @param constructorIds The ids of its constructors, given when another type has the same
   *   SUBCLASS_OF_ID (a crc32 collision), so that `is` checks them too.
   */
  constructor(
    readonly SUBCLASS_OF_ID: number,
    readonly typeName: string,
    private readonly reader: (r: TlReader) => T,
    private readonly registry?: () => ReaderRegistry,
    constructorIds?: readonly number[],
  ) {
    this.constructorIds = constructorIds === undefined ? undefined : new Set(constructorIds);
  }

  private readonly constructorIds: ReadonlySet<number> | undefined;

  /**
   * Reads exactly one boxed value of this type from `bytes`: a leading gzip_packed is inflated,
   * trailing bytes are an error, and a constructor of another type is a `TlDecodeError` that names
   * the type expected. An `rpc_error` is not recognized here: read answers to requests with
   * `request.readResult`, which turns one into an `RpcError`.
   */
  read(bytes: Uint8Array, options?: TlReaderOptions): T {
    return readBoxed(bytes, this.registry === undefined ? noRegistry : this.registry(), options, this.reader);
  }

  /** Whether `value` is an object of one of this type's constructors (not a request returning it). */
  is(value: unknown): value is T {
    if (!isTlObject(value)) return false;
    const o = value as TlObject & { readonly SUBCLASS_OF_ID?: unknown };
    return (
      o.SUBCLASS_OF_ID === this.SUBCLASS_OF_ID &&
      o.classType === 'constructor' &&
      (this.constructorIds === undefined || this.constructorIds.has(o.CONSTRUCTOR_ID))
    );
  }
}
