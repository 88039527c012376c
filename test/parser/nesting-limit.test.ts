// Brackets nest at most MAX_NESTING levels in one declaration: deeper nesting is one positioned
// `nesting-too-deep` error, found before the recursive descent reaches the end of the call stack,
// and the rest of the file still parses.

import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseSchema } from '../../packages/codegen/src/parser/parse-schema.ts';

/** `Vector<` `depth` times around `int`. */
function nestedVector(depth: number): string {
  return `${'Vector<'.repeat(depth)}int${'>'.repeat(depth)}`;
}

function messages(text: string): string[] {
  return parseSchema(text, 'deep.tl').diagnostics.map((d) => d.message);
}

const limitDetail = 'a declaration may nest `<>`, `()` and `[]` 32 levels deep';

describe('the nesting limit', () => {
  it('is 32 levels', () => {
    expect(MAX_NESTING).toBe(32);
  });

  it('accepts Vector<…> nested 32 levels deep', () => {
    const parsed = parseSchema(`a x:${nestedVector(32)} = A;`, 'deep.tl');
    expect(parsed.diagnostics).toEqual([]);
    const field = parsed.declarations[0]!.args[0]!;
    let depth = 0;
    for (let type = field.kind === 'field' ? field.type : undefined; type?.args[0] !== undefined; depth++)
      type = type.args[0];
    expect(depth).toBe(32);
  });

  it('rejects the `<` that opens level 33, at its position', () => {
    // `a x:` is 4 columns; each `Vector<` 7: the 33rd `<` is at column 4 + 32 * 7 + 7 = 235.
    const parsed = parseSchema(`a x:${nestedVector(33)} = A;`, 'deep.tl');
    expect(parsed.declarations).toEqual([]);
    expect(parsed.diagnostics).toHaveLength(1);
    const [error] = parsed.diagnostics;
    expect(error).toMatchObject({ kind: 'nesting-too-deep', line: 1, column: 235, excerpt: '<' });
    expect(error!.message).toBe(
      `deep.tl:1:235: nesting-too-deep: \`<\` opens level 33 of nesting; ${limitDetail}`,
    );
  });

  it('reports Vector< written 100,000 times as one error, quickly, and parses the next declaration', () => {
    const started = performance.now();
    const parsed = parseSchema(`a x:${nestedVector(100_000)} = A;\nb y:int = B;\n`, 'deep.tl');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([
      `deep.tl:1:235: nesting-too-deep: \`<\` opens level 33 of nesting; ${limitDetail}`,
    ]);
    expect(parsed.declarations.map((d) => d.name)).toEqual(['b']);
  });

  it('counts parentheses: ( written 100,000 times', () => {
    const depth = 100_000;
    expect(messages(`a x:${'('.repeat(depth)}int${')'.repeat(depth)} = A;`)).toEqual([
      `deep.tl:1:37: nesting-too-deep: \`(\` opens level 33 of nesting; ${limitDetail}`,
    ]);
  });

  it('counts repetitions: [ written 100,000 times', () => {
    const depth = 100_000;
    expect(messages(`int128 ${'['.repeat(depth)} int ${']'.repeat(depth)} = Int128;`)).toEqual([
      `deep.tl:1:40: nesting-too-deep: \`[\` opens level 33 of nesting; ${limitDetail}`,
    ]);
  });

  it('counts brackets of every kind together, and per declaration', () => {
    // 16 `(` and 17 `Vector<`: the 17th `<` opens level 33.
    const mixed = `${'(Vector<'.repeat(16)}Vector<int>${'>)'.repeat(16)}`;
    expect(messages(`a x:${mixed} = A;`)).toEqual([
      `deep.tl:1:${4 + 16 * 8 + 7}: nesting-too-deep: \`<\` opens level 33 of nesting; ${limitDetail}`,
    ]);
    // Two declarations of 32 levels each are fine: the depth starts again at each.
    expect(messages(`a x:${nestedVector(32)} = A;\nb x:${nestedVector(32)} = B;`)).toEqual([]);
  });

  it('starts again after a declaration abandoned deep inside', () => {
    const text = `a x:${nestedVector(40)} = A;\nb x:${nestedVector(32)} = B;`;
    expect(messages(text)).toEqual([
      `deep.tl:1:235: nesting-too-deep: \`<\` opens level 33 of nesting; ${limitDetail}`,
    ]);
  });
});
