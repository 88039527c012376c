// fast-check arbitraries for instances of the generated classes, derived from the schema model alone:
// for each definition a valid instance with flag bits absent or present (shared bits all-or-none),
// empty and non-empty vectors, integer edge values, strings around the 253/254-byte length boundary,
// any constructor of an abstract type, recursing to a bounded depth. Past the depth limit every type
// takes its cheapest constructor with all conditional fields absent, so generation always ends.

import bigInt from 'big-integer';
import fc from 'fast-check';
import { fieldName } from '../../packages/codegen/src/emit/naming.ts';
import type { TlDefinition, TlField, TlTypeRef } from '../../packages/codegen/src/model/schema-model.ts';
import type { GeneratedObject, SchemaSet } from './schema-sets.ts';

export interface InstanceArbitraryOptions {
  /** Nesting of definitions before every type falls back to its cheapest constructor. Default 2. */
  maxDepth?: number;
  /** Longest vector generated. Default 3. */
  maxVectorLength?: number;
}

/** The field a definition carries that TL-NOTES §4 gives a special meaning (mirrors the emitter's rules). */
export function isRawResult(definition: TlDefinition, field: TlField): boolean {
  return definition.name === 'rpc_result' && field.name === 'result' && field.type.kind === 'object';
}

/** `bytes:int` directly followed by `body:Object`: the body's length, computed by the writer. */
export function isBodyLength(definition: TlDefinition, index: number): boolean {
  const field = definition.fields[index];
  const next = definition.fields[index + 1];
  return (
    next !== undefined &&
    field.name === 'bytes' &&
    field.type.kind === 'int' &&
    field.condition === undefined &&
    next.name === 'body' &&
    next.type.kind === 'object' &&
    next.condition === undefined
  );
}

/** gzip_packed is inflated transparently wherever a boxed object is read: never a plain `Object` value. */
export const GZIP_PACKED = 'gzip_packed';

const INT_EDGES = [0, 1, -1, 2, 0x7fffffff, -0x80000000, 0x7ffffffe, -0x7fffffff];
const LONG_EDGES = [
  0n,
  1n,
  -1n,
  2n ** 63n - 1n,
  -(2n ** 63n),
  2n ** 53n,
  -(2n ** 53n),
  2n ** 53n - 1n,
  -(2n ** 53n) + 1n,
  2n ** 53n + 1n,
  2n ** 32n,
  2n ** 31n,
  -(2n ** 31n) - 1n,
];
const DOUBLE_EDGES = [
  0,
  -0,
  1.5,
  -1.5,
  Number.NaN,
  Infinity,
  -Infinity,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  2 ** 53,
];
/** Characters of 1, 2, 3 and 4 UTF-8 bytes. */
const WIDTH_CHARS = ['a', 'é', '€', '😀'];

const intArbitrary = fc.oneof(fc.constantFrom(...INT_EDGES), fc.integer());

/** A long in every input form a constructor accepts (the constructor converts it with `longArg`). */
const longArbitrary: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...LONG_EDGES),
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
      fc.bigInt(-999n, 999n),
    ),
    fc.nat(3),
  )
  .map(([value, form]) => {
    if (form === 1) return bigInt(value);
    if (form === 2) return value.toString();
    if (form === 3 && value >= -(2n ** 53n) + 1n && value <= 2n ** 53n - 1n) return Number(value);
    return value;
  });

const doubleArbitrary = fc.oneof(fc.constantFrom(...DOUBLE_EDGES), fc.double());

/** Strings whose UTF-8 length lands around the one-byte/four-byte length prefix boundary (253/254). */
const boundaryString = fc
  .tuple(fc.integer({ min: 245, max: 254 }), fc.constantFrom(...WIDTH_CHARS), fc.constantFrom(...WIDTH_CHARS))
  .map(([fill, a, b]) => 'x'.repeat(fill) + a + b);

const stringArbitrary = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary-ascii', minLength: 2, maxLength: 1200 }), weight: 1 },
  { arbitrary: boundaryString, weight: 2 },
);

const bytesArbitrary = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 12 }), weight: 5 },
  { arbitrary: fc.uint8Array({ minLength: 250, maxLength: 258 }), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 1100 }), weight: 1 },
);

const int128Arbitrary = fc.uint8Array({ minLength: 16, maxLength: 16 });
const int256Arbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 });

export class InstanceArbitraries {
  readonly maxDepth: number;
  readonly maxVectorLength: number;
  private readonly memo = new Map<string, fc.Arbitrary<GeneratedObject>>();
  /** Fewest fields a minimal instance of each definition writes (Infinity: none found yet). */
  private readonly costs = new Map<string, number>();
  /** Boxed type → its cheapest constructor. */
  private readonly cheapest = new Map<string, string>();
  private readonly anyConstructors: string[];
  private cheapestConstructor = '';
  private cheapestFunction = '';

  constructor(
    readonly set: SchemaSet,
    options: InstanceArbitraryOptions = {},
  ) {
    this.maxDepth = options.maxDepth ?? 2;
    this.maxVectorLength = options.maxVectorLength ?? 3;
    this.anyConstructors = set.model.constructors.map((c) => c.name).filter((name) => name !== GZIP_PACKED);
    this.computeCosts();
  }

  /** An arbitrary instance of one definition (constructor or function) by TL name. */
  definition(name: string, depth = 0): fc.Arbitrary<GeneratedObject> {
    const minimal = depth >= this.maxDepth;
    const key = minimal ? `${name}@min` : `${name}@${depth}`;
    let arbitrary = this.memo.get(key);
    if (arbitrary === undefined) {
      arbitrary = this.build(name, minimal ? this.maxDepth : depth);
      this.memo.set(key, arbitrary);
    }
    return arbitrary;
  }

  /** Any constructor of the schema except gzip_packed (what an `Object` field holds). */
  anyConstructor(depth = 0): fc.Arbitrary<GeneratedObject> {
    if (depth >= this.maxDepth) return this.definition(this.cheapestConstructor, depth);
    const names = this.anyConstructors;
    return fc.nat(names.length - 1).chain((i) => this.definition(names[i], depth));
  }

  /** Any function call (what a `!X` field holds). */
  anyFunction(depth = 0): fc.Arbitrary<GeneratedObject> {
    if (depth >= this.maxDepth) return this.definition(this.cheapestFunction, depth);
    const names = this.set.model.functions.map((f) => f.name);
    return fc.nat(names.length - 1).chain((i) => this.definition(names[i], depth));
  }

  private build(name: string, depth: number): fc.Arbitrary<GeneratedObject> {
    const definition =
      this.set.model.constructorsByName.get(name) ?? this.set.model.functionsByName.get(name);
    if (definition === undefined) throw new Error(`${this.set.name}: no definition ${name}`);
    const cls = this.set.classes.get(name)!;
    const minimal = depth >= this.maxDepth;
    const required: Record<string, fc.Arbitrary<unknown>> = {};
    const bits: fc.Arbitrary<Record<string, unknown> | undefined>[] = [];
    let bodyLength: string | undefined;
    definition.fields.forEach((field, index) => {
      if (field.type.kind === 'flags' || field.condition !== undefined) return;
      if (isBodyLength(definition, index)) {
        bodyLength = fieldName(field.name);
        return;
      }
      if (isRawResult(definition, field)) {
        required[fieldName(field.name)] = this.anyConstructor(depth + 1).map((o) => o.serialize());
      } else if (definition.name === GZIP_PACKED && field.name === 'packed_data') {
        // Declared `string`, but it holds a gzip stream: the classes take it as bytes.
        required[fieldName(field.name)] = bytesArbitrary;
      } else {
        required[fieldName(field.name)] = this.value(field.type, depth, minimal);
      }
    });
    for (const group of definition.flagGroups) {
      for (const bit of group.bits) {
        if (minimal) continue;
        const fields: Record<string, fc.Arbitrary<unknown>> = {};
        for (const tlName of bit.fields) {
          const field = definition.fields.find((f) => f.name === tlName)!;
          fields[fieldName(tlName)] =
            field.type.kind === 'true' ? fc.constant(true) : this.value(field.type, depth, minimal);
        }
        bits.push(fc.option(fc.record(fields), { nil: undefined, freq: 2 }));
      }
    }
    return fc.tuple(fc.record(required), fc.tuple(...bits)).map(([fields, present]) => {
      const args: Record<string, unknown> = { ...fields };
      for (const bit of present) if (bit !== undefined) Object.assign(args, bit);
      // The body's length is part of the decoded value, so the original states it as well.
      if (bodyLength !== undefined) args[bodyLength] = (args.body as GeneratedObject).serialize().length;
      return new cls(args);
    });
  }

  private value(type: TlTypeRef, depth: number, minimal: boolean): fc.Arbitrary<unknown> {
    switch (type.kind) {
      case 'int':
        return intArbitrary;
      case 'long':
        return longArbitrary;
      case 'double':
        return doubleArbitrary;
      case 'int128':
        return int128Arbitrary;
      case 'int256':
        return int256Arbitrary;
      case 'string':
        return stringArbitrary;
      case 'bytes':
        return bytesArbitrary;
      case 'Bool':
        return fc.boolean();
      case 'true':
        return fc.constant(true);
      case 'flags':
        throw new Error('flags words are computed, never generated');
      case 'vector':
        if (minimal) return fc.constant([]);
        return fc.array(this.value(type.element, depth, minimal), { maxLength: this.maxVectorLength });
      case 'boxed': {
        const boxed = this.set.model.typesByName.get(type.type);
        if (boxed === undefined) throw new Error(`${this.set.name}: unknown type ${type.type}`);
        if (minimal) return this.definition(this.cheapest.get(type.type)!, depth + 1);
        return fc.oneof(...boxed.constructors.map((c) => this.definition(c, depth + 1)));
      }
      case 'bare':
        return this.definition(type.constructor, depth + 1);
      case 'object':
        return this.anyConstructor(depth + 1);
      case 'typeVar':
        if (!type.bang) throw new Error(`a bare type variable ${type.name} cannot be generated`);
        return this.anyFunction(depth + 1);
    }
  }

  /** Fixed point of "fewest fields written by a minimal instance": picks each type's cheapest constructor. */
  private computeCosts(): void {
    const { model } = this.set;
    const definitions = [...model.constructors, ...model.functions];
    for (const d of definitions) this.costs.set(d.name, Infinity);
    const typeCost = (name: string): number => {
      let best = Infinity;
      for (const c of model.typesByName.get(name)?.constructors ?? [])
        best = Math.min(best, this.costs.get(c)!);
      return best;
    };
    const refCost = (type: TlTypeRef): number => {
      switch (type.kind) {
        case 'boxed':
          return typeCost(type.type);
        case 'bare':
          return this.costs.get(type.constructor)!;
        case 'object':
          return Math.min(...this.anyConstructors.map((c) => this.costs.get(c)!));
        case 'typeVar':
          return Math.min(...model.functions.map((f) => this.costs.get(f.name)!));
        default:
          return 1;
      }
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const d of definitions) {
        let cost = 1;
        for (const field of d.fields) if (field.condition === undefined) cost += refCost(field.type);
        if (cost < this.costs.get(d.name)!) {
          this.costs.set(d.name, cost);
          changed = true;
        }
      }
    }
    for (const type of model.types) {
      // A type only a function returns (`HttpWait`) has no instance, and nothing needs one.
      if (type.constructors.length === 0) continue;
      let best = '';
      for (const c of type.constructors)
        if (best === '' || this.costs.get(c)! < this.costs.get(best)!) best = c;
      if (!Number.isFinite(this.costs.get(best)!))
        throw new Error(`${this.set.name}: type ${type.name} has no finite instance`);
      this.cheapest.set(type.name, best);
    }
    const cheapestOf = (names: string[]): string =>
      names.reduce((a, b) => (this.costs.get(b)! < this.costs.get(a)! ? b : a));
    this.cheapestConstructor = cheapestOf(this.anyConstructors);
    this.cheapestFunction = cheapestOf(model.functions.map((f) => f.name));
  }
}
