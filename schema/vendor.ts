// `npm run schema:vendor -- <api.tl> [<mtproto.tl>]` (or a folder holding them; `.json` schemas
// are passed through as well): a layer bump in one command. Checks the new files and refuses on
// schema errors; keeps the current schema/latest as schema/layer<N>; copies the new files into
// schema/latest as api.<ext> and mtproto.<ext>, byte for byte; rewrites their provenance rows in
// schema/README.md; writes what changed to schema/changes/<N>-to-<M>.md; regenerates the layers
// and runs `tlforge check` on the result. Each step prints what it did.
//
// `vendorSchema` works on any schema folder with an injected regeneration step, so the tests run
// it on a temporary copy; only `main` touches this repository.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TlError } from '@tlforge/runtime';
import { check } from '../packages/codegen/src/api/check.ts';
import { type CliOutput, processOutput } from '../packages/codegen/src/cli/cli-output.ts';
import { countLine, printDiagnostics } from '../packages/codegen/src/cli/diagnostic-report.ts';
import { isEntryModule } from '../packages/codegen/src/cli/is-entry-module.ts';
import { main as tlforge } from '../packages/codegen/src/cli.ts';
import { loadSchema } from '../packages/codegen/src/model/load-schema.ts';
import { diffSchemas, type TlSchemaDiff } from '../packages/codegen/src/model/schema-diff.ts';
import { schemaDiffMarkdown, schemaDiffSummary } from '../packages/codegen/src/model/schema-diff-markdown.ts';
import { bumpRows, cellText, parseProvenanceTable, renderProvenanceTable } from './provenance-table.ts';
import { findSources, type SchemaFile, schemaFilesIn, schemaRoles } from './schema-sources.ts';
import { VendorError } from './vendor-error.ts';

export interface VendorOptions {
  /** As given on the command line: one or two schema files, or one folder holding them. */
  sources: readonly string[];
  /** Where relative `sources` are resolved from. */
  cwd: string;
  /** The folder holding latest/, layer<N>/, changes/ and README.md (this repository's schema/). */
  schemaDir: string;
  /** Regenerates the committed layers from `schemaDir`; runs after every file is written. */
  regenerate: (output: CliOutput) => void;
  output: CliOutput;
  /** `YYYY-MM-DD` for the provenance rows; today (UTC) when absent. */
  date?: string;
}

export interface VendorResult {
  previousLayer: number;
  layer: number;
  /** The folder that holds the previous latest now, relative to the repository (`schema/layer214`). */
  archive: string;
  /** The files written into latest/, relative to the repository. */
  written: string[];
  /** The change report, relative to the repository (`schema/changes/214-to-228.md`). */
  changes: string;
  diff: TlSchemaDiff;
}

export async function vendorSchema(options: VendorOptions): Promise<VendorResult> {
  const { schemaDir, output } = options;
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  /** Paths as printed and committed: relative to the repository, `/`-separated. */
  const shown = (path: string) => relative(dirname(schemaDir), path).split(sep).join('/');
  const latestDir = join(schemaDir, 'latest');

  const sources = findSources(options.sources, options.cwd);
  for (const ignored of sources.ignored) output.out(`ignored ${ignored}: not named api or mtproto`);
  if (!existsSync(latestDir)) throw new VendorError('no-latest', `${shown(latestDir)} does not exist`);
  const previousFiles = schemaFilesIn(latestDir, shown(latestDir)).files;
  // A role not given keeps its current file: `schema:vendor api.tl` leaves mtproto.tl as it is.
  const nextFiles = schemaRoles.flatMap((role) => {
    const file = sources.files.find((f) => f.role === role) ?? previousFiles.find((f) => f.role === role);
    return file === undefined ? [] : [file];
  });

  // 1. Check the set latest/ will hold; nothing is written while it has errors.
  const checked = check(nextFiles.map((file) => file.path));
  printDiagnostics(checked.diagnostics, output);
  const counts = countLine(checked.errors.length, checked.warnings.length, false);
  if (checked.errors.length > 0) {
    throw new VendorError('schema-errors', `${givenList(nextFiles)}: ${counts}: nothing vendored`);
  }
  const next = checked.model;
  const previous = loadSchema(previousFiles.map((file) => file.path)).model;
  if (next.layer === undefined) {
    throw new VendorError(
      'unknown-layer',
      `${givenList(nextFiles)}: no \`// LAYER N\` comment: which layer is it?`,
    );
  }
  if (previous.layer === undefined) {
    throw new VendorError(
      'unknown-layer',
      `${shown(latestDir)} has no \`// LAYER N\` comment: cannot archive it`,
    );
  }
  if (next.layer <= previous.layer) {
    throw new VendorError(
      'not-a-newer-layer',
      `the new files are layer ${next.layer}, ${shown(latestDir)} is layer ${previous.layer}: a bump needs a newer layer`,
    );
  }
  output.out(
    `checked ${givenList(nextFiles)}: layer ${next.layer}, ${next.constructors.length} constructors, ` +
      `${next.functions.length} functions, ${counts}`,
  );

  // 2. Keep the previous layer vendored.
  const archiveDir = join(schemaDir, `layer${previous.layer}`);
  const archived = !existsSync(archiveDir);
  // The previous latest's provenance rows describe the archive when it holds the same files.
  let archiveHoldsLatest = true;
  if (archived) {
    cpSync(latestDir, archiveDir, { recursive: true });
    output.out(`copied ${shown(latestDir)} (layer ${previous.layer}) to ${shown(archiveDir)}`);
  } else {
    archiveHoldsLatest = previousFiles.every((file) =>
      sameBytes(file.path, join(archiveDir, basename(file.path))),
    );
    const note = archiveHoldsLatest ? '' : `; its files differ from ${shown(latestDir)}'s`;
    output.out(`kept ${shown(archiveDir)}, which exists${note}`);
  }

  // 3. The new files, byte for byte, under the names the scripts and tests use.
  const written: Array<{ file: SchemaFile; target: string; sha256: string }> = [];
  for (const file of sources.files) {
    const target = join(latestDir, `${file.role}${file.extension}`);
    for (const stale of previousFiles) {
      if (stale.role === file.role && stale.path !== target) rmSync(stale.path);
    }
    copyFileSync(file.path, target);
    const sha256 = createHash('sha256').update(readFileSync(target)).digest('hex');
    written.push({ file, target, sha256 });
    output.out(`wrote ${shown(target)} from ${file.given} (sha256 ${sha256})`);
  }

  // 4. Provenance: the previous rows move with their files, the new files get new rows.
  const readmePath = join(schemaDir, 'README.md');
  const table = parseProvenanceTable(readFileSync(readmePath, 'utf8'));
  const rows = bumpRows(table.rows, {
    archiveLayer: archiveHoldsLatest ? previous.layer : undefined,
    layer: next.layer,
    replacements: written.map(({ file, target, sha256 }) => ({
      part: `latest/${file.role}.`,
      row: {
        folder: `\`${relative(schemaDir, target).split(sep).join('/')}\``,
        layer: String(next.layer),
        source: `\`${cellText(file.given)}\``,
        notes: `vendored ${date} by \`npm run schema:vendor\`, byte-for-byte; sha256 \`${sha256}\``,
      },
    })),
  });
  writeFileSync(readmePath, renderProvenanceTable({ ...table, rows }));
  output.out(`updated the provenance rows in ${shown(readmePath)}`);

  // 5. What changed, against the previous latest where it is kept now.
  const diff = diffSchemas(previous, next);
  diff.from.files = previousFiles.map((file) => shown(join(archiveDir, basename(file.path))));
  diff.to.files = nextFiles.map((file) => shown(join(latestDir, `${file.role}${file.extension}`)));
  const changesPath = join(schemaDir, 'changes', `${previous.layer}-to-${next.layer}.md`);
  mkdirSync(dirname(changesPath), { recursive: true });
  writeFileSync(changesPath, schemaDiffMarkdown(diff));
  output.out(`wrote ${shown(changesPath)}: ${schemaDiffSummary(diff)}`);

  // 6. The generated layers, then the check of what is now latest/.
  output.out('regenerating the layers');
  options.regenerate(output);
  const latestPaths = schemaFilesIn(latestDir).files.map((file) => file.path);
  output.out(`tlforge check ${latestPaths.map(shown).join(' ')}`);
  if ((await tlforge(['check', ...latestPaths], output)) !== 0) {
    throw new VendorError('check-failed', `tlforge check failed on ${shown(latestDir)}`);
  }
  output.out(
    `layer ${previous.layer} → ${next.layer} vendored: review \`git diff\` and ${shown(changesPath)}` +
      (archived ? `; ${shown(archiveDir)} is vendored but not generated (scripts/generate-layers.ts)` : ''),
  );
  return {
    previousLayer: previous.layer,
    layer: next.layer,
    archive: shown(archiveDir),
    written: written.map(({ target }) => shown(target)),
    changes: shown(changesPath),
    diff,
  };
}

function givenList(files: readonly SchemaFile[]): string {
  return files.map((file) => file.given).join(', ');
}

function sameBytes(a: string, b: string): boolean {
  return existsSync(b) && readFileSync(a).equals(readFileSync(b));
}

/** `npm run generate`, as a child process: the script regenerates from this repository's schema/. */
function regenerateLayers(root: string): (output: CliOutput) => void {
  return () => {
    const child = spawnSync(
      process.execPath,
      ['--conditions=@tlforge/source', '--import', 'tsx', 'scripts/generate-layers.ts'],
      { cwd: root, stdio: 'inherit' },
    );
    if (child.status !== 0) {
      throw new VendorError(
        'regenerate-failed',
        `scripts/generate-layers.ts failed (exit ${child.status ?? child.signal}); schema/ is updated, the layers are not`,
      );
    }
  };
}

const usage = [
  'usage: npm run schema:vendor -- <api.tl> [<mtproto.tl>] | <folder>',
  '',
  'Makes the given schema the new schema/latest: checks it (refuses on errors), keeps the current',
  'latest as schema/layer<N>, copies the files in as api.<ext> and mtproto.<ext>, updates the',
  'provenance rows of schema/README.md, writes schema/changes/<N>-to-<M>.md, regenerates the',
  'layers and runs tlforge check. A file given alone replaces its part only. Files are told apart',
  'by name: `mtproto` or `schema` in it is the MTProto schema, `api` the API.',
];

async function main(args: readonly string[]): Promise<number> {
  const sources = args[0] === '--' ? args.slice(1) : args;
  if (sources.includes('--help') || sources.includes('-h')) {
    for (const line of usage) processOutput.out(line);
    return 0;
  }
  if (sources.length === 0) {
    for (const line of usage) processOutput.err(line);
    return 2;
  }
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  try {
    await vendorSchema({
      sources,
      // npm runs scripts from the repository root; paths are relative to where it was started.
      cwd: resolve(process.env.INIT_CWD ?? process.cwd()),
      schemaDir: join(root, 'schema'),
      regenerate: regenerateLayers(root),
      output: processOutput,
    });
    return 0;
  } catch (failure) {
    // Refusals and unreadable paths (TlFileError); anything else is a bug, with its stack.
    if (!(failure instanceof TlError)) throw failure;
    processOutput.err(`schema:vendor: ${failure.message}`);
    return 1;
  }
}

if (isEntryModule(import.meta.url, process.argv[1])) process.exitCode = await main(process.argv.slice(2));
