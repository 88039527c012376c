import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The runtime must run in browsers: no Node built-ins, no Buffer, no process, no CommonJS require.
const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"]node:/, 'node: import'],
  [/import\(\s*['"]node:/, 'node: dynamic import'],
  [
    /from\s+['"](fs|path|buffer|crypto|zlib|os|util|stream|events|url|child_process)(\/[^'"]*)?['"]/,
    'Node built-in import',
  ],
  [/\bBuffer\b/, 'Buffer'],
  [/\bprocess\b/, 'process'],
  [/\brequire\(/, 'require('],
  [/\b__dirname\b|\b__filename\b/, 'CommonJS globals'],
];

function violations(source: string): string[] {
  return FORBIDDEN.filter(([re]) => re.test(source)).map(([, name]) => name);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('runtime is browser-safe', () => {
  it('the scanner flags each forbidden pattern', () => {
    expect(violations("import { x } from 'node:fs';")).toEqual(['node: import']);
    expect(violations("import zlib from 'zlib';")).toEqual(['Node built-in import']);
    expect(violations('const b = Buffer.from(x);')).toEqual(['Buffer']);
    expect(violations('if (process.env.X) {}')).toEqual(['process']);
    expect(violations("const f = require('fflate');")).toEqual(['require(']);
    expect(violations("import { gunzipSync } from 'fflate';")).toEqual([]);
  });

  it('no file under src/ uses Node-only APIs', () => {
    const files = tsFiles(join(import.meta.dirname, '..', '..', 'packages', 'runtime', 'src'));
    expect(files.length).toBeGreaterThan(5);
    const found = files.flatMap((f) => violations(readFileSync(f, 'utf8')).map((v) => `${f}: ${v}`));
    expect(found).toEqual([]);
  });
});
