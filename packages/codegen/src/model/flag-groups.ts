// Groups conditional fields by the bit they share. Shared bits are real (`views`/`forwards` on
// flags.10): the emitter must set a bit when any of its fields is present and read them all.

import type { FlagGroup, TlField } from './schema-model.ts';

/** One group per `#` field, in field order; bits ascending, field names in declaration order. */
export function buildFlagGroups(fields: readonly TlField[]): FlagGroup[] {
  const groups: FlagGroup[] = [];
  for (const flags of fields) {
    if (flags.type.kind !== 'flags' || flags.condition) continue;
    const byBit = new Map<number, string[]>();
    for (const field of fields) {
      if (field.condition?.flagsField !== flags.name) continue;
      const names = byBit.get(field.condition.bit);
      if (names) names.push(field.name);
      else byBit.set(field.condition.bit, [field.name]);
    }
    const bits = [...byBit.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([bit, names]) => ({ bit, fields: names }));
    groups.push({ flagsField: flags.name, bits });
  }
  return groups;
}
