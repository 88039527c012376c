// What changed between two resolved schemas: definitions added, removed and changed (matched by
// kind and TL name, so a rename is a removal and an addition), each change marked breaking or not,
// and the boxed types that gained or lost constructors. `tlforge diff` prints it as Markdown
// (schema-diff-markdown.ts) or as this object in JSON; a layer bump writes it to schema/changes/.
//
// Breaking means that code written against the old schema stops compiling or decoding once it is
// regenerated from the new one:
// - a new id: bytes written with the old id no longer decode (and the old code cannot read the
//   new bytes). Telegram leaves `flags.N?true` fields out of the id, so adding one keeps the id;
//   any other field added, removed, retyped or moved changes it.
// - a required field added (code that builds the object or calls the method must pass it), a field
//   removed (code that reads or passes it), a field retyped, a field made required;
// - a constructor's field made optional (code that reads it gets `T | undefined`); on a method an
//   argument made optional is not breaking (callers still compile);
// - a method's result type, a constructor's boxed type, the type parameters.
// Not breaking by themselves: an optional field added, a flag moved to another bit, a flags word
// (`#`) added or removed (the generated code computes it), fields reordered (arguments are named);
// each of these but a new `?true` flag changes the id, which is breaking. A type that gains
// constructors is not breaking either: a new layer's decoder reads them, and the constructors that
// left a type are reported as removed or as `type-changed`.

import { formatId } from './constructor-id.ts';
import type { TlDefinition, TlField, TlSchemaModel } from './schema-model.ts';
import { fieldTypeText, flagConditionText, typeRefText } from './type-ref-text.ts';

export type TlDefinitionKind = 'constructor' | 'function';

/** One side of the comparison. */
export interface TlSchemaDiffSide {
  /** From the `// LAYER N` comment; null when there was none. */
  layer: number | null;
  /** The files of the schema set, as the model names them. */
  files: string[];
}

/** A definition that exists on one side only. */
export interface TlDefinitionSummary {
  /** Full TL name (`messages.startBot`). */
  name: string;
  kind: TlDefinitionKind;
  /** The id as TL writes it after `#`: eight lower-case hex digits. */
  id: string;
  /** The boxed type a constructor builds, or the type a function returns, as TL text. */
  type: string;
}

export type TlDefinitionChangeKind =
  | 'id-changed'
  | 'type-changed'
  | 'result-type-changed'
  | 'type-params-changed'
  | 'field-added-optional'
  | 'field-added-required'
  | 'field-removed'
  | 'field-type-changed'
  | 'field-flag-moved'
  | 'field-made-optional'
  | 'field-made-required'
  | 'flags-word-added'
  | 'flags-word-removed'
  | 'fields-reordered';

/** One difference within a definition. `before` and `after` are TL text; absent when not applicable. */
export interface TlDefinitionChange {
  kind: TlDefinitionChangeKind;
  /** The field, for the `field-…` and `flags-word-…` kinds. */
  field?: string;
  /**
   * id-changed: the id; type-changed, result-type-changed: the type; type-params-changed: `{X:Type}`
   * list; field-removed: the field's type with its condition (`flags.1?int`); field-type-changed: the
   * type without the condition; field-flag-moved, field-made-required: the condition (`flags.1`);
   * fields-reordered: the names of the fields both sides have, in the old order.
   */
  before?: string;
  /** As `before`, for the new schema; field-added-…: the type with its condition. */
  after?: string;
  breaking: boolean;
}

/** A definition on both sides that differs. */
export interface TlDefinitionDiff {
  name: string;
  kind: TlDefinitionKind;
  idBefore: string;
  idAfter: string;
  /** True when any of `changes` is breaking. */
  breaking: boolean;
  /** The id first, then the type, then the fields in the new order, removed fields in the old order. */
  changes: TlDefinitionChange[];
}

/** A boxed type that appeared, disappeared or whose set of constructors changed. */
export interface TlTypeMembershipChange {
  /** Full type name (`messages.Messages`). */
  name: string;
  change: 'added' | 'removed' | 'members-changed';
  /** Constructors that build it now and did not before, by name. */
  joined: string[];
  /** Constructors that built it before and do not now, by name. */
  left: string[];
}

/** Every list is sorted by name (code-unit order), constructors before functions of the same name. */
export interface TlSchemaDiff {
  from: TlSchemaDiffSide;
  to: TlSchemaDiffSide;
  added: TlDefinitionSummary[];
  removed: TlDefinitionSummary[];
  changed: TlDefinitionDiff[];
  /** How many definitions are on both sides with no difference. */
  unchanged: number;
  types: TlTypeMembershipChange[];
}

/** Compares `before` with `after`. Pure: the models are not modified, the result holds no references into them. */
export function diffSchemas(before: TlSchemaModel, after: TlSchemaModel): TlSchemaDiff {
  const added: TlDefinitionSummary[] = [];
  const removed: TlDefinitionSummary[] = [];
  const changed: TlDefinitionDiff[] = [];
  let unchanged = 0;
  const pairs: Array<[ReadonlyMap<string, TlDefinition>, ReadonlyMap<string, TlDefinition>]> = [
    [before.constructorsByName, after.constructorsByName],
    [before.functionsByName, after.functionsByName],
  ];
  for (const [old, next] of pairs) {
    for (const [name, definition] of next) {
      const previous = old.get(name);
      if (previous === undefined) {
        added.push(summarize(definition));
        continue;
      }
      const diff = diffDefinition(previous, definition);
      if (diff === undefined) unchanged++;
      else changed.push(diff);
    }
    for (const [name, definition] of old) if (!next.has(name)) removed.push(summarize(definition));
  }
  return {
    from: side(before),
    to: side(after),
    added: added.sort(byName),
    removed: removed.sort(byName),
    changed: changed.sort(byName),
    unchanged,
    types: diffTypes(before, after),
  };
}

function side(model: TlSchemaModel): TlSchemaDiffSide {
  return { layer: model.layer ?? null, files: [...model.files] };
}

function summarize(definition: TlDefinition): TlDefinitionSummary {
  return {
    name: definition.name,
    kind: definition.kind,
    id: formatId(definition.id),
    type: definitionTypeText(definition),
  };
}

/** The boxed type a constructor builds, or the type a function returns. */
function definitionTypeText(definition: TlDefinition): string {
  return definition.kind === 'constructor' ? definition.type : typeRefText(definition.result);
}

/** Undefined when the two are the same definition. */
function diffDefinition(before: TlDefinition, after: TlDefinition): TlDefinitionDiff | undefined {
  const changes: TlDefinitionChange[] = [];
  if (before.id !== after.id) {
    changes.push({
      kind: 'id-changed',
      before: formatId(before.id),
      after: formatId(after.id),
      breaking: true,
    });
  }
  const [typeBefore, typeAfter] = [definitionTypeText(before), definitionTypeText(after)];
  if (typeBefore !== typeAfter) {
    const kind = after.kind === 'constructor' ? 'type-changed' : 'result-type-changed';
    changes.push({ kind, before: typeBefore, after: typeAfter, breaking: true });
  }
  const [paramsBefore, paramsAfter] = [typeParamsText(before), typeParamsText(after)];
  if (paramsBefore !== paramsAfter) {
    changes.push({ kind: 'type-params-changed', before: paramsBefore, after: paramsAfter, breaking: true });
  }
  changes.push(...fieldChanges(before, after));
  if (changes.length === 0) return undefined;
  return {
    name: after.name,
    kind: after.kind,
    idBefore: formatId(before.id),
    idAfter: formatId(after.id),
    breaking: changes.some((change) => change.breaking),
    changes,
  };
}

function typeParamsText(definition: TlDefinition): string {
  return definition.typeParams.map((name) => `{${name}:Type}`).join(' ');
}

function fieldChanges(before: TlDefinition, after: TlDefinition): TlDefinitionChange[] {
  const changes: TlDefinitionChange[] = [];
  const oldFields = new Map(before.fields.map((field) => [field.name, field]));
  const newFields = new Map(after.fields.map((field) => [field.name, field]));
  for (const field of after.fields) {
    const old = oldFields.get(field.name);
    if (old === undefined) changes.push(addedField(field));
    else changes.push(...changedField(old, field, after.kind));
  }
  for (const field of before.fields) {
    if (newFields.has(field.name)) continue;
    changes.push(
      field.type.kind === 'flags'
        ? { kind: 'flags-word-removed', field: field.name, before: '#', breaking: false }
        : { kind: 'field-removed', field: field.name, before: fieldTypeText(field), breaking: true },
    );
  }
  const oldOrder = before.fields.filter((field) => newFields.has(field.name)).map((field) => field.name);
  const newOrder = after.fields.filter((field) => oldFields.has(field.name)).map((field) => field.name);
  if (oldOrder.join(' ') !== newOrder.join(' ')) {
    changes.push({
      kind: 'fields-reordered',
      before: oldOrder.join(' '),
      after: newOrder.join(' '),
      breaking: false,
    });
  }
  return changes;
}

function addedField(field: TlField): TlDefinitionChange {
  if (field.type.kind === 'flags') {
    return { kind: 'flags-word-added', field: field.name, after: '#', breaking: false };
  }
  const optional = field.condition !== undefined;
  return {
    kind: optional ? 'field-added-optional' : 'field-added-required',
    field: field.name,
    after: fieldTypeText(field),
    breaking: !optional,
  };
}

function changedField(before: TlField, after: TlField, kind: TlDefinitionKind): TlDefinitionChange[] {
  const changes: TlDefinitionChange[] = [];
  const field = after.name;
  const [typeBefore, typeAfter] = [typeRefText(before.type), typeRefText(after.type)];
  if (typeBefore !== typeAfter) {
    changes.push({ kind: 'field-type-changed', field, before: typeBefore, after: typeAfter, breaking: true });
  }
  const was = before.condition === undefined ? undefined : flagConditionText(before.condition);
  const is = after.condition === undefined ? undefined : flagConditionText(after.condition);
  if (was === is) return changes;
  if (was === undefined) {
    // Readers of a constructor now get `T | undefined`; callers of a method may still pass it.
    changes.push({ kind: 'field-made-optional', field, after: is, breaking: kind === 'constructor' });
  } else if (is === undefined) {
    changes.push({ kind: 'field-made-required', field, before: was, breaking: true });
  } else {
    changes.push({ kind: 'field-flag-moved', field, before: was, after: is, breaking: false });
  }
  return changes;
}

/** Types added, removed, or whose constructors changed, by the constructors' names. */
function diffTypes(before: TlSchemaModel, after: TlSchemaModel): TlTypeMembershipChange[] {
  const changes: TlTypeMembershipChange[] = [];
  const names = new Set([...before.typesByName.keys(), ...after.typesByName.keys()]);
  for (const name of names) {
    const old = new Set(before.typesByName.get(name)?.constructors ?? []);
    const next = new Set(after.typesByName.get(name)?.constructors ?? []);
    const joined = [...next].filter((member) => !old.has(member)).sort(compareNames);
    const left = [...old].filter((member) => !next.has(member)).sort(compareNames);
    if (joined.length === 0 && left.length === 0) continue;
    const change = !before.typesByName.has(name)
      ? 'added'
      : !after.typesByName.has(name)
        ? 'removed'
        : 'members-changed';
    changes.push({ name, change, joined, left });
  }
  return changes.sort((a, b) => compareNames(a.name, b.name));
}

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: { name: string; kind: TlDefinitionKind }, b: { name: string; kind: TlDefinitionKind }) {
  return compareNames(a.name, b.name) || compareNames(a.kind, b.kind);
}
