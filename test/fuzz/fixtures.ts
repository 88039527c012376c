// Regression fixtures of the fuzz campaign: every input that once broke the decoder invariant is kept
// under test/fixtures/fuzz/ (one JSON file each) and replayed by a test forever after.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaSetName } from '../property/schema-sets.ts';

export const fixturesDir = fileURLToPath(new URL('../fixtures/fuzz/', import.meta.url));

export interface FuzzFixture {
  /** Schema set whose `deserialize` broke. */
  set: SchemaSetName;
  /** The input, hex. */
  input: string;
  /** What went wrong when it was found. */
  reason: string;
  /** Campaign seed that found it. */
  seed: number;
}

/** Writes a fixture named after the input's hash (the same input is saved once); returns its path. */
export function saveFixture(fixture: FuzzFixture): string {
  mkdirSync(fixturesDir, { recursive: true });
  const hash = createHash('sha256').update(`${fixture.set}:${fixture.input}`).digest('hex').slice(0, 12);
  const path = join(fixturesDir, `${fixture.set}-${hash}.json`);
  writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
  return path;
}

export function loadFixtures(): Array<FuzzFixture & { file: string }> {
  let files: string[];
  try {
    files = readdirSync(fixturesDir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().map((file) => ({
    ...(JSON.parse(readFileSync(join(fixturesDir, file), 'utf8')) as FuzzFixture),
    file,
  }));
}
