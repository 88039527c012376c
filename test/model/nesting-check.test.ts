// A schema nested past the parser's limit is a schema error of `check` and `tlforge check`, with its
// position, however deep it goes: never a stack overflow, never reported as a file that cannot be
// read. Nesting within the limit resolves to the full depth.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../packages/codegen/src/api/check.ts';
import { main } from '../../packages/codegen/src/cli.ts';
import { resolveSchema } from '../../packages/codegen/src/model/resolve-schema.ts';
import type { TlTypeRef } from '../../packages/codegen/src/model/schema-model.ts';
import { parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-nesting-');
afterAll(() => removeScratch(scratch));

function nestedVector(depth: number, element = 'int'): string {
  return `${'Vector<'.repeat(depth)}${element}${'>'.repeat(depth)}`;
}

async function runCli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

describe('a type nested 100,000 levels deep', () => {
  const path = join(scratch, 'deep.tl');
  writeFileSync(path, `// LAYER 1\nfine = Fine;\ndeep x:${nestedVector(100_000)} = Deep;\n`);
  const message = `${path}:3:238: nesting-too-deep: \`<\` opens level 33 of nesting; a declaration may nest \`<>\`, \`()\` and \`[]\` 32 levels deep`;

  it('is one positioned error of check, found quickly', () => {
    const started = performance.now();
    const result = check([path]);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toEqual([message]);
    expect(result.errors[0]).toMatchObject({ kind: 'nesting-too-deep', line: 3, column: 238, excerpt: '<' });
    expect(result.model.constructors.map((c) => c.name)).toEqual(['fine']);
  });

  it('is printed by tlforge check as a schema error, exit 1', async () => {
    expect(await runCli(['check', path])).toEqual({
      code: 1,
      out: ['layer: 1', 'constructors: 1, functions: 0, types: 1', '1 error, 0 warnings'],
      err: [message],
    });
  });

  it('makes tlforge generate write nothing, exit 1', async () => {
    expect(await runCli(['generate', path, '--out', join(scratch, 'never')])).toEqual({
      code: 1,
      out: [],
      err: [message, '1 error, 0 warnings: nothing generated'],
    });
  });
});

describe('a type nested 32 levels deep', () => {
  it('resolves to 32 vectors around the element', () => {
    const text = `item = Item;\nholder#1 rows:${nestedVector(32, 'Item')} = Holder;`;
    const { model, diagnostics } = resolveSchema([parseSchema(text, 'ok.tl')]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    let type: TlTypeRef = model.constructorsByName.get('holder')!.fields[0]!.type;
    let depth = 0;
    for (; type.kind === 'vector'; depth++) type = type.element;
    expect(depth).toBe(32);
    expect(type).toEqual({ kind: 'boxed', type: 'Item' });
  });
});
