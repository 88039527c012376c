// Encoder robustness: a valid instance with one field replaced by a wrong value (wrong JS type, out of
// range, wrong constructor, null where required) must fail with a TlEncodeError whose path names the
// class and the field, for every definition of both sets. Never bytes, never another exception.

import { TlEncodeError } from '@tlforge/runtime';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldName } from '../../packages/codegen/src/emit/naming.ts';
import type { TlDefinition, TlField, TlTypeRef } from '../../packages/codegen/src/model/schema-model.ts';
import { InstanceArbitraries, isBodyLength, isRawResult } from '../property/arbitrary-instance.ts';
import { definitionSeed } from '../property/round-trip.ts';
import {
  type GeneratedObject,
  loadSchemaSet,
  type SchemaSet,
  schemaSetNames,
} from '../property/schema-sets.ts';

const TRIALS = Number(process.env.ENCODER_TRIALS ?? 4);

/** Values that are wrong for a field of `type` whatever else holds (null only where the field is required). */
function wrongValues(set: SchemaSet, definition: TlDefinition, field: TlField, index: number): unknown[] {
  const required = field.condition === undefined;
  const base: unknown[] = required ? [null, undefined] : [];
  const someConstructor = new (set.classes.get(set.model.constructors[0].name)!)({});
  const someRequest = new (set.classes.get('help.getConfig')!)({});
  if (isRawResult(definition, field)) return [...base, 'x', 5, [1]];
  if (isBodyLength(definition, index)) return [999, 'x'];
  return [...base, ...wrongFor(field.type, set, someConstructor, someRequest)];
}

function wrongFor(type: TlTypeRef, set: SchemaSet, someConstructor: object, someRequest: object): unknown[] {
  switch (type.kind) {
    case 'int':
      return [1.5, 2 ** 31, -(2 ** 31) - 1, '1', 1n, Number.NaN, true, {}];
    case 'long':
      return [1.5, 2 ** 53, 'abc', '1.5', ' 1', 2n ** 63n, -(2n ** 63n) - 1n, true, {}, []];
    case 'double':
      return ['1', 1n, true, {}];
    case 'string':
      return [5, new Uint8Array(1), '\ud800', {}, true];
    case 'bytes':
      return ['abc', [1, 2], 5, {}];
    case 'int128':
      return [new Uint8Array(15), new Uint8Array(17), 'x', 5];
    case 'int256':
      return [new Uint8Array(31), 'x', 5];
    case 'Bool':
      return [0, 1, 'true', {}];
    case 'true':
      return [1, 'yes', {}];
    case 'vector':
      return [
        {},
        'abc',
        5,
        ...wrongFor(type.element, set, someConstructor, someRequest)
          .slice(0, 2)
          .map((w) => [w]),
      ];
    case 'boxed': {
      const foreign = set.model.constructors.find((c) => c.type !== type.type)!;
      return [{}, 5, 'x', new (set.classes.get(foreign.name)!)({}), someRequest];
    }
    case 'bare':
      return [
        {},
        5,
        someConstructor.constructor === set.classes.get(type.constructor) ? someRequest : someConstructor,
      ];
    case 'object':
      return [5, {}, 'x'];
    case 'typeVar':
      return [someConstructor, 5, {}];
    case 'flags':
      return [];
  }
}

describe.each(schemaSetNames)('wrong values in %s', (setName) => {
  it('give a TlEncodeError naming the class and the field, for every definition', () => {
    const set = loadSchemaSet(setName);
    const arbitraries = new InstanceArbitraries(set, { maxDepth: 1 });
    const problems: string[] = [];
    let cases = 0;
    let definitions = 0;
    const kinds: Record<string, number> = {};
    for (const definition of set.definitions) {
      const candidates = definition.fields
        .map((field, index) => ({ field, index }))
        .filter(({ field }) => field.type.kind !== 'flags');
      if (candidates.length === 0) continue;
      definitions++;
      const seed = definitionSeed(`encode:${definition.name}`);
      const picks = fc.sample(
        fc.tuple(arbitraries.definition(definition.name), fc.nat(candidates.length - 1), fc.nat(1000)),
        { seed, numRuns: TRIALS },
      );
      for (const [value, which, choice] of picks) {
        const { field, index } = candidates[which];
        const wrong = wrongValues(set, definition, field, index);
        if (wrong.length === 0) continue;
        const bad = wrong[choice % wrong.length];
        const name = fieldName(field.name);
        (value as unknown as Record<string, unknown>)[name] = bad;
        cases++;
        const what = `${definition.name}.${name} = ${show(bad)}`;
        try {
          const bytes = (value as GeneratedObject).serialize();
          problems.push(`${what}: wrote ${Buffer.from(bytes).toString('hex').slice(0, 40)}…`);
        } catch (e) {
          if (!(e instanceof TlEncodeError)) {
            problems.push(`${what}: threw ${(e as Error).name}: ${(e as Error).message}`);
            continue;
          }
          kinds[e.kind] = (kinds[e.kind] ?? 0) + 1;
          const [className, first] = e.path;
          const named = first?.replace(/\[\d+\]$/, '');
          const fieldNames = definition.fields.map((f) => fieldName(f.name));
          // A shared flag bit may be reported on the field that set it; the detail then names both.
          const ok =
            className === value.className &&
            (named === name ||
              (e.kind === 'flags' && fieldNames.includes(named ?? '') && e.detail.includes(name)));
          if (!ok) problems.push(`${what}: path ${e.path.join('.')} (${e.kind}: ${e.detail})`);
        }
      }
    }
    console.log(
      `${setName}: ${cases} wrong values in ${definitions} definitions, errors ${JSON.stringify(kinds)}`,
    );
    expect(problems.slice(0, 10)).toEqual([]);
  });
});

function show(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
  if (typeof v === 'object' && v !== null)
    return (v as { className?: string }).className ?? JSON.stringify(v);
  return String(v);
}
