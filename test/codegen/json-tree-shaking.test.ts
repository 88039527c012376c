// The JSON methods keep the generated classes tree-shakable: `toJSON` and `fromJson` are the runtime's,
// driven by a description that names no class, so a program that uses them keeps the classes it keeps
// without them (those its fields can hold, through `fromReader`), and only the module-level `fromJson`
// (with `jsonClasses`) holds every class. Checked on esbuild bundles, minified, by the class names each
// class carries as a string.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import * as latest from '../../packages/layers/src/latest/index.ts';
import { collectClassNames } from '../property/schema-sets.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-json-shake-');
afterAll(() => removeScratch(scratch));

const layer = join(import.meta.dirname, '../../packages/layers/src/latest');
const allClassNames = collectClassNames(latest.Api);

async function classesKept(name: string, source: string): Promise<string[]> {
  const entry = join(scratch, `${name}.ts`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['@tlforge/source'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  return allClassNames.filter((n) => ['"', "'", '`'].some((q) => code.includes(`${q}${n}${q}`))).sort();
}

describe('the JSON methods and tree-shaking', () => {
  it('keep only the class whose toJSON a program calls', async () => {
    const kept = await classesKept(
      'to-json',
      `import { DataJSON } from '${layer}/api.ts';
console.log(JSON.stringify(new DataJSON({ data: '{}' })));`,
    );
    expect(kept).toEqual(['DataJSON']);
  });

  it("keep with a class's fromJson only the classes the class keeps anyway", async () => {
    const kept = await classesKept(
      'from-json',
      `import { InputUserFromMessage } from '${layer}/api.ts';
console.log(InputUserFromMessage.fromJson(JSON.parse(process.argv[2])).serialize());`,
    );
    const withoutJson = await classesKept(
      'without-json',
      `import { InputPeerSelf, InputUserFromMessage } from '${layer}/api.ts';
console.log(new InputUserFromMessage({ peer: new InputPeerSelf(), msgId: 1, userId: 2 }).serialize());`,
    );
    expect(kept).toEqual(withoutJson);
    expect(kept).toEqual([
      'InputPeerChannel',
      'InputPeerChannelFromMessage',
      'InputPeerChat',
      'InputPeerEmpty',
      'InputPeerSelf',
      'InputPeerUser',
      'InputPeerUserFromMessage',
      'InputUserFromMessage',
    ]);
  });

  it('keep every class for the module-level fromJson, which reads any of them', async () => {
    const kept = await classesKept(
      'module-from-json',
      `import { fromJson } from '${layer}/index.ts';
console.log(fromJson(process.argv[2]).className);`,
    );
    expect(kept.length).toBe(allClassNames.length);
  });
});
