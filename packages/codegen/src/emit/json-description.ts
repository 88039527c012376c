// The description of a generated class that its JSON methods work from: the definition in TL syntax
// without its id, one string passed to `defineTlClass` (the runtime's json-class.ts parses it on first
// use and documents the form). One string per class instead of two methods: it names no other class,
// so it keeps the classes tree-shakable, and its words repeat across the layer, so it compresses well.
//
//   messages.startBot bot:InputUser peer:InputPeer random_id:long start_param:string
//   inputPeerUser user_id:long access_hash:long = InputPeer

import { defaultPropertyName } from '@tlforge/runtime';
import { flagConditionText, typeRefText } from '../model/type-ref-text.ts';
import type { DefinitionPlan } from './field-plan.ts';
import type { DefinitionSymbol } from './schema-symbols.ts';

export function jsonDescription(symbol: DefinitionSymbol, plan: DefinitionPlan): string {
  const { definition } = symbol;
  const words = [definition.name];
  for (const name of definition.typeParams) words.push(`{${name}:Type}`);
  for (const planned of plan.fields) {
    const key = planned.field.name;
    // A `#` word is no property; any other field names its property where the runtime's rule would
    // not give it (`to_string=toString_`).
    const named =
      planned.role === 'flags' || planned.jsName === defaultPropertyName(key)
        ? key
        : `${key}=${planned.jsName}`;
    const { condition } = planned.field;
    const flag = condition === undefined ? '' : `${flagConditionText(condition)}?`;
    // The planned type: `rpc_result.result` and `gzip_packed.packed_data` are bytes on the class.
    words.push(`${named}:${flag}${typeRefText(planned.type)}`);
  }
  // A field of a boxed type takes only the constructors that name it here.
  if (definition.kind === 'constructor') words.push('=', definition.type);
  return words.join(' ');
}
