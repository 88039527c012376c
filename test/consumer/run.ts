// The consumer test: proves tlforge works as a dependency of someone else's project. It builds and
// packs the three packages, installs the tarballs into a fresh project outside the repository, runs
// the `tlforge` CLI there on a schema of its own, compiles the app with TypeScript 5.9 and 7 under
// every strict flag, runs it with node, with Node's type stripping and in headless Chromium, and
// times the CLI on the latest layer. Usage: `npm run test:consumer [-- --keep-going] [-- --keep]`.
//   --keep-going  run every step even after a failure (later steps may fail as a consequence)
//   --keep        keep the consumer folder's node_modules (by default removed after a passing run)
// Environment: TLFORGE_CONSUMER_NPM_CACHE (npm cache, default tmp/consumer-npm-cache in the repo),
// CHROMIUM_PATH (default /usr/bin/chromium).

import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CommandOptions,
  type CommandResult,
  CommandRunner,
  consumerEnvironment,
  fail,
  listFiles,
  StepFailure,
  tail,
} from './command.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixtureDir = join(repoRoot, 'test/consumer/fixture');

/** Registry tools of the consumer project, pinned so a run is repeatable. */
const devTools: Record<string, string> = {
  ts59: 'npm:typescript@5.9.3',
  typescript: '7.0.2',
  esbuild: '0.28.2',
  'playwright-core': '1.65.1',
};
/** A Node that strips types by itself (22.18+), as a registry package that ships `bin/node`. */
const strippingNodeVersion = '24.22.3';
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const npmCache = process.env.TLFORGE_CONSUMER_NPM_CACHE ?? join(repoRoot, 'tmp/consumer-npm-cache');

/** The checks of fixture/src/checks.ts, by name: each must print an `ok` line. */
const shopChecks = [
  'LAYER',
  'shop.placeOrder serializes to the expected bytes',
  'shop.placeOrder deserializes with every field',
  'shop.order serializes to the expected bytes',
  'shop.placeOrder reads its result',
  'shop.getOrderIds serializes to the expected bytes',
  'shop.getOrderIds reads a Vector<long> result',
  'a truncated payload is a TlDecodeError',
  'a constructor called without its arguments throws a TlEncodeError naming the class',
  'deserialize(ArrayBuffer) throws a TlDecodeError',
];
const layerChecks = [
  '@tlforge/layers/layer122 messages.startBot serializes to the expected bytes',
  '@tlforge/layers/latest messages.startBot serializes to the expected bytes',
  '@tlforge/layers/latest/api/messages is the messages namespace on its own (esbuild shakes it)',
  '@tlforge/layers/latest messages.startBot goes to JSON and back',
];

const args = new Set(process.argv.slice(2));
for (const arg of args) {
  if (arg !== '--keep-going' && arg !== '--keep') {
    console.error(`unknown option ${arg}; usage: run.ts [--keep-going] [--keep]`);
    process.exit(2);
  }
}
const keepGoing = args.has('--keep-going');

const workDir = mkdtempSync(join(tmpdir(), 'tlforge-consumer-'));
const logDir = join(workDir, 'logs');
const packDir = join(workDir, 'packs');
const appDir = join(workDir, 'app');
const runtimeOnlyDir = join(workDir, 'runtime-only');
const strippingNodeDir = join(workDir, 'node');
mkdirSync(logDir);
mkdirSync(packDir);
const runner = new CommandRunner(logDir, consumerEnvironment(repoRoot, npmCache));

function run(command: string, commandArgs: string[], options: CommandOptions): CommandResult {
  return runner.run(command, commandArgs, options);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

// Steps: each prints its name, its time and what it measured; the first failure ends the run
// (unless --keep-going).

let passed = 0;
let failed = 0;
const failures: string[] = [];

function step(name: string, body: () => string | undefined): void {
  const index = passed + failed + 1;
  process.stdout.write(`[${index}] ${name}\n`);
  const started = performance.now();
  try {
    const detail = body();
    passed++;
    const time = seconds(performance.now() - started);
    process.stdout.write(`    ok (${time})${detail === undefined ? '' : `\n${indent(detail)}`}\n`);
  } catch (error) {
    failed++;
    const message = error instanceof Error ? error.message : String(error);
    failures.push(`[${index}] ${name}: ${message.split('\n')[0]}`);
    process.stdout.write(`    FAILED (${seconds(performance.now() - started)})\n${indent(message)}\n`);
    if (!(error instanceof StepFailure)) process.stdout.write(`${indent(String((error as Error).stack))}\n`);
    if (!keepGoing) finish();
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith('    ') ? line : `    ${line}`))
    .join('\n');
}

function finish(): never {
  if (failed === 0 && !args.has('--keep')) {
    // What is left is small: the generated code, the compiled app, logs and the screenshot.
    const bulky = ['node_modules', 'latest-generated', 'schema-latest'].map((dir) => join(appDir, dir));
    for (const dir of [...bulky, runtimeOnlyDir, strippingNodeDir, packDir]) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`\nconsumer folder: ${workDir}\n`);
  if (failures.length > 0) process.stdout.write(`failed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}

/** Asserts an app's output: an `ok` line per expected check, no `FAIL` line, exit code 0. */
function expectChecks(result: CommandResult, expected: readonly string[]): string {
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  const okNames = new Set(
    lines.filter((line) => line.startsWith('ok ')).map((line) => line.slice(3).split(': ')[0]),
  );
  const problems = lines.filter((line) => line.startsWith('FAIL '));
  for (const name of expected) {
    if (!okNames.has(name) && !problems.some((line) => line.startsWith(`FAIL ${name}: `))) {
      problems.push(`missing: no line for "${name}"`);
    }
  }
  if (result.status !== 0) problems.push(`exit code ${result.status}\n${tail(result.stderr, 12)}`);
  if (problems.length > 0) fail(problems.join('\n'));
  return `${expected.length} checks ok (${seconds(result.milliseconds)})`;
}

/** The relative import specifiers of generated files, each required to end in `extension`. */
function expectImports(dir: string, extension: string, files: string[]): string {
  const specifiers = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (match[1] !== undefined) specifiers.add(match[1]);
    }
  }
  const runtime = [...specifiers].filter((s) => !s.startsWith('.'));
  const relativeOnes = [...specifiers].filter((s) => s.startsWith('.'));
  const wrong = relativeOnes.filter((s) => !s.endsWith(extension));
  if (wrong.length > 0) fail(`relative imports not ending in ${extension}: ${wrong.join(', ')}`);
  const foreign = runtime.filter((s) => s !== '@tlforge/runtime');
  if (foreign.length > 0) fail(`imports of packages other than @tlforge/runtime: ${foreign.join(', ')}`);
  if (runtime.length === 0) fail('the generated code does not import @tlforge/runtime');
  return `${files.length} file(s); imports: @tlforge/runtime and ${relativeOnes.length} relative (${extension})`;
}

/** `npx tlforge …` in the consumer project; a run that exits 0 but writes nothing is a failure too. */
function tlforge(cliArgs: string[], outDir: string): CommandResult {
  const before = listFiles(outDir).length;
  const result = run('npx', ['--no-install', 'tlforge', ...cliArgs], { cwd: appDir, check: false });
  const output = tail(`${result.stdout}\n${result.stderr}`, 20);
  if (result.status !== 0) fail(`npx tlforge ${cliArgs.join(' ')} exited with ${result.status}\n${output}`);
  if (listFiles(outDir).length <= before) {
    fail(
      `npx tlforge ${cliArgs.join(' ')} exited 0 but wrote nothing to ${relative(appDir, outDir)}\n${output}`,
    );
  }
  return result;
}

/** Whether `version` (x.y.z) is at least major.minor. */
function atLeast(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

let strippingNode = process.execPath;

console.log(`tlforge consumer test: ${workDir} (npm cache ${npmCache})`);

step('build the packages (npm run build)', () => {
  const result = run('npm', ['run', 'build'], { cwd: repoRoot, consumer: false });
  return `built in ${seconds(result.milliseconds)}`;
});

interface PackEntry {
  name: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string }[];
}
const tarballs = new Map<string, string>();

step('pack the three packages (npm pack --json)', () => {
  const workspaces = ['@tlforge/runtime', 'tlforge', '@tlforge/layers'];
  const result = run(
    'npm',
    ['pack', '--json', '--pack-destination', packDir, ...workspaces.flatMap((w) => ['-w', w])],
    { cwd: repoRoot, consumer: false },
  );
  const entries = JSON.parse(result.stdout) as PackEntry[];
  const lines: string[] = [];
  for (const entry of entries) {
    tarballs.set(entry.name, join(packDir, entry.filename));
    // Every file that package.json points a consumer to must be in the tarball.
    const manifest = readJson(join(repoRoot, 'packages', packageFolder(entry.name), 'package.json'));
    const packed = new Set(entry.files.map((f) => f.path));
    // A subpath pattern (`./dist/latest/api/*.js`) must match at least one packed file.
    const inTarball = (target: string): boolean => {
      if (!target.includes('*')) return packed.has(target);
      const [prefix, suffix] = target.split('*') as [string, string];
      return [...packed].some((path) => path.startsWith(prefix) && path.endsWith(suffix));
    };
    const missing = manifestTargets(manifest).filter((target) => !inTarball(target));
    if (missing.length > 0)
      fail(`${entry.name}: package.json points to files not in the tarball: ${missing.join(', ')}`);
    lines.push(
      `${entry.name.padEnd(17)} ${entry.filename.padEnd(27)} tarball ${formatSize(entry.size).padStart(9)}, ` +
        `unpacked ${formatSize(entry.unpackedSize).padStart(9)}, ${entry.entryCount} files`,
    );
  }
  for (const name of workspaces) if (!tarballs.has(name)) fail(`npm pack wrote no tarball for ${name}`);
  return lines.join('\n');
});

function packageFolder(name: string): string {
  return name === 'tlforge' ? 'codegen' : name.replace('@tlforge/', '');
}

/** The files of a manifest's `exports` (all but the in-repo source condition), `main`, `types` and `bin`. */
function manifestTargets(manifest: Record<string, unknown>): string[] {
  const targets = new Set<string>();
  const add = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value.replace(/^\.\//, ''));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) if (key !== '@tlforge/source') add(inner);
    }
  };
  add(manifest.exports);
  add(manifest.main);
  add(manifest.types);
  add(manifest.bin);
  return [...targets];
}

step('install the tarballs and the dev tools into a fresh project', () => {
  mkdirSync(appDir);
  run('npm', ['init', '-y'], { cwd: appDir });
  const manifest = readJson(join(appDir, 'package.json'));
  manifest.type = 'module';
  writeFileSync(join(appDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const tarball = (name: string): string => tarballs.get(name) ?? fail(`no tarball of ${name}`);
  // The README's "Use it in your project" commands, with the dev tools this test uses beside them.
  const started = performance.now();
  run('npm', ['install', tarball('@tlforge/runtime'), tarball('@tlforge/layers')], {
    cwd: appDir,
    timeoutSeconds: 600,
  });
  const devSpecs = Object.entries(devTools).map(([name, spec]) => `${name}@${spec}`);
  run('npm', ['install', '--save-dev', tarball('tlforge'), ...devSpecs], {
    cwd: appDir,
    timeoutSeconds: 600,
  });
  const result = { milliseconds: performance.now() - started };
  const tree = run('npm', ['ls', '--all', '--parseable'], { cwd: appDir });
  const runtimes = run('npm', ['ls', '@tlforge/runtime', '--all', '--parseable'], { cwd: appDir });
  const runtimeCopies = new Set(runtimes.stdout.split('\n').filter((l) => l !== '')).size;
  if (runtimeCopies !== 1) fail(`${runtimeCopies} copies of @tlforge/runtime installed:\n${runtimes.stdout}`);
  const size = run('du', ['-sk', 'node_modules'], { cwd: appDir }).stdout.split('\t')[0];
  return [
    `dependencies: @tlforge/runtime, @tlforge/layers; devDependencies: tlforge, ${Object.entries(devTools)
      .map(([name, spec]) => `${name}@${spec.replace('npm:', '')}`)
      .join(', ')}`,
    `npm install: ${seconds(result.milliseconds)}; ${tree.stdout.split('\n').filter((l) => l !== '').length - 1} packages, ` +
      `node_modules ${formatSize(Number(size) * 1024)} on disk; one @tlforge/runtime (deduped)`,
  ].join('\n');
});

step('measure the runtime installed alone with its dependencies', () => {
  mkdirSync(runtimeOnlyDir);
  run('npm', ['init', '-y'], { cwd: runtimeOnlyDir });
  const tarball = tarballs.get('@tlforge/runtime') ?? fail('no runtime tarball');
  run('npm', ['install', tarball], { cwd: runtimeOnlyDir });
  const packages = run('npm', ['ls', '--all', '--parseable'], { cwd: runtimeOnlyDir })
    .stdout.split('\n')
    .filter((l) => l !== '')
    .slice(1)
    .map((path) => relative(join(runtimeOnlyDir, 'node_modules'), path));
  const disk =
    Number(run('du', ['-sk', 'node_modules'], { cwd: runtimeOnlyDir }).stdout.split('\t')[0]) * 1024;
  const bytes = Number(run('du', ['-sb', 'node_modules'], { cwd: runtimeOnlyDir }).stdout.split('\t')[0]);
  return `node_modules: ${formatSize(disk)} on disk (du -sk), ${formatSize(bytes)} of files (du -sb); ${packages.join(', ')}`;
});

step(`get a Node that strips types (node ${strippingNodeVersion} from the registry)`, () => {
  if (atLeast(process.versions.node, 22, 18)) return `this Node (${process.version}) strips types itself`;
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const name = `node-${platform}-${process.arch}`;
  mkdirSync(strippingNodeDir);
  run('npm', ['init', '-y'], { cwd: strippingNodeDir });
  run('npm', ['install', `${name}@${strippingNodeVersion}`], { cwd: strippingNodeDir, timeoutSeconds: 600 });
  strippingNode = join(strippingNodeDir, 'node_modules', name, 'bin', 'node');
  const version = run(strippingNode, ['--version'], { cwd: strippingNodeDir }).stdout.trim();
  return `${name}: ${version}`;
});

step('copy the fixture project (schema, app sources, tsconfig, page) and check the schema', () => {
  cpSync(join(fixtureDir, 'schema.tl'), join(appDir, 'schema.tl'));
  cpSync(join(fixtureDir, 'tsconfig.json'), join(appDir, 'tsconfig.json'));
  cpSync(join(fixtureDir, 'src'), join(appDir, 'src'), { recursive: true });
  cpSync(join(fixtureDir, 'web'), join(appDir, 'web'), { recursive: true });
  const result = run('npx', ['--no-install', 'tlforge', 'check', 'schema.tl'], { cwd: appDir, check: false });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !output.includes('0 errors, 0 warnings')) {
    fail(
      `npx tlforge check schema.tl: exit ${result.status}, expected "0 errors, 0 warnings"\n${tail(output, 20)}`,
    );
  }
  return output.trim();
});

/** The seed example, messages.startBot of layer 122, as `tlforge decode` prints it from the installed package. */
const seedStartBotHex =
  '7873dfe6 162829d8 28db0b00 735f649f a53f5db7 c97ea07d fade6100 00000000 06726566 5f343200';
const seedStartBotTree = [
  'layer 122, 40 bytes',
  '[0, 40)   messages.startBot#e6df7378 (function → Updates)',
  '[4, 20)     bot: InputUser = inputUser#d8292816',
  '[8, 12)       user_id: int = 777000',
  '[12, 20)      access_hash: long = -5233957211358339213',
  '[20, 24)    peer: InputPeer = inputPeerSelf#7da07ec9',
  '[24, 32)    random_id: long = 6414074',
  '[32, 40)    start_param: string = "ref_42"',
];

step('npx tlforge decode --layer 122 <the seed messages.startBot> (the shipped schemas)', () => {
  const args = ['--no-install', 'tlforge', 'decode', '--layer', '122', ...seedStartBotHex.split(' ')];
  const result = run('npx', args, { cwd: appDir, check: false });
  const lines = result.stdout.split('\n').filter((line) => line !== '');
  if (result.status !== 0 || lines.join('\n') !== seedStartBotTree.join('\n')) {
    fail(
      `npx tlforge decode: exit ${result.status}, expected\n${seedStartBotTree.join('\n')}\ngot\n${tail(`${result.stdout}${result.stderr}`, 20)}`,
    );
  }
  const value = run('npx', [...args, '--value'], { cwd: appDir, check: false });
  const encoded = run('npx', ['--no-install', 'tlforge', 'encode', '--layer', '122', value.stdout], {
    cwd: appDir,
    check: false,
  });
  if (encoded.status !== 0 || encoded.stdout.replace(/\s+/g, '') !== seedStartBotHex.replace(/ /g, '')) {
    fail(
      `decode --value | encode did not give the bytes back: exit ${encoded.status}\n${tail(`${encoded.stdout}${encoded.stderr}`, 10)}`,
    );
  }
  return `${lines.join('\n')}\ndecode --value, then encode: the same 40 bytes (${seconds(result.milliseconds)})`;
});

step('npx tlforge generate schema.tl --out src/generated', () => {
  const outDir = join(appDir, 'src/generated');
  const result = tlforge(['generate', 'schema.tl', '--out', 'src/generated'], outDir);
  const files = listFiles(outDir);
  if (!files.includes('index.ts')) fail(`no index.ts in src/generated: ${files.join(', ')}`);
  return `${expectImports(outDir, '.js', files)}; ${seconds(result.milliseconds)}`;
});

step('npx tlforge generate schema.tl --emit js --out js-generated', () => {
  const outDir = join(appDir, 'js-generated');
  const result = tlforge(['generate', 'schema.tl', '--emit', 'js', '--out', 'js-generated'], outDir);
  const files = listFiles(outDir);
  for (const needed of ['index.js', 'index.d.ts'])
    if (!files.includes(needed)) fail(`no ${needed} in js-generated`);
  const typescript = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  if (typescript.length > 0) fail(`TypeScript sources in js-generated: ${typescript.join(', ')}`);
  return `${expectImports(
    outDir,
    '.js',
    files.filter((f) => f.endsWith('.js')),
  )}, with .d.ts beside them; ${seconds(result.milliseconds)}`;
});

step('npx tlforge generate schema.tl --import-extension ts --out src/generated-ts', () => {
  const outDir = join(appDir, 'src/generated-ts');
  const result = tlforge(
    ['generate', 'schema.tl', '--import-extension', 'ts', '--out', 'src/generated-ts'],
    outDir,
  );
  const files = listFiles(outDir);
  if (!files.includes('index.ts')) fail('no index.ts in src/generated-ts');
  return `${expectImports(outDir, '.ts', files)}; ${seconds(result.milliseconds)}`;
});

for (const [label, tscPath, outDir] of [
  ['TypeScript 5.9', 'node_modules/ts59/bin/tsc', 'dist-ts59'],
  ['TypeScript 7', 'node_modules/typescript/bin/tsc', 'dist-ts7'],
] as const) {
  step(`compile the app with ${label} (strict, NodeNext, every strictness flag)`, () => {
    const version = run('node', [tscPath, '--version'], { cwd: appDir }).stdout.trim();
    const result = run('node', [tscPath, '-p', 'tsconfig.json', '--outDir', outDir], {
      cwd: appDir,
      check: false,
    });
    const errors = result.stdout.split('\n').filter((line) => / error TS\d+:/.test(line));
    if (result.status !== 0) {
      const own = errors.filter((line) => !line.startsWith('src/generated'));
      fail(
        `${version}: ${errors.length} error(s), ${errors.length - own.length} of them in generated code\n${tail(result.stdout, 60)}`,
      );
    }
    return `${version}: 0 errors in ${seconds(result.milliseconds)} -> ${outDir}/`;
  });
}

for (const outDir of ['dist-ts59', 'dist-ts7']) {
  step(`node ${outDir}/app.js (plain node ${process.version})`, () => {
    if (!existsSync(join(appDir, outDir, 'app.js'))) fail(`${outDir}/app.js was not emitted`);
    const result = run('node', [`${outDir}/app.js`], { cwd: appDir, check: false });
    return expectChecks(result, [...shopChecks, ...layerChecks]);
  });
}

step('node dist-ts7/app-js.js (the --emit js copy, typed by its .d.ts)', () => {
  if (!existsSync(join(appDir, 'dist-ts7/app-js.js'))) fail('dist-ts7/app-js.js was not emitted');
  const result = run('node', ['dist-ts7/app-js.js'], { cwd: appDir, check: false });
  return expectChecks(result, shopChecks);
});

step('node src/app-strip.ts (Node type stripping, the --import-extension ts copy)', () => {
  const version = run(strippingNode, ['--version'], { cwd: appDir }).stdout.trim();
  const flags = atLeast(version.slice(1), 22, 18) ? [] : ['--experimental-strip-types'];
  const result = run(strippingNode, [...flags, 'src/app-strip.ts'], { cwd: appDir, check: false });
  return `node ${version}: ${expectChecks(result, [...shopChecks, ...layerChecks])}`;
});

step('bundle the app for the browser (esbuild, platform browser, esm)', () => {
  const result = run(
    'npx',
    [
      '--no-install',
      'esbuild',
      'src/browser.ts',
      '--bundle',
      '--platform=browser',
      '--format=esm',
      '--outfile=web/app.js',
      '--log-level=warning',
    ],
    { cwd: appDir },
  );
  const warnings = result.stderr.trim();
  const size = readFileSync(join(appDir, 'web/app.js')).length;
  return `web/app.js: ${formatSize(size)} in ${seconds(result.milliseconds)}${warnings === '' ? '' : `\n${tail(warnings, 20)}`}`;
});

/**
 * Debian's Chromium (a browser download is not possible here): installed with apt-get when this runs
 * as root, as on CI and a fresh development machine; anywhere else the message says what to do.
 */
function installChromium(): void {
  if (process.getuid?.() !== 0 || chromiumPath !== '/usr/bin/chromium') {
    fail(
      `no Chromium at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
  }
  const install = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium';
  run('sh', ['-c', install], { cwd: workDir, consumer: false, timeoutSeconds: 900 });
  if (!existsSync(chromiumPath)) fail(`apt-get install chromium left no ${chromiumPath}`);
}

step('run the bundle in headless Chromium (playwright-core)', () => {
  if (!existsSync(chromiumPath)) installChromium();
  const screenshot = join(workDir, 'screenshot.png');
  const result = run('node', ['web/drive-page.mjs', 'web', screenshot], {
    cwd: appDir,
    check: false,
    timeoutSeconds: 120,
  });
  const browser = result.stdout.split('\n').find((line) => line.startsWith('browser: ')) ?? '';
  const checks = expectChecks(result, [...shopChecks, ...layerChecks]);
  if (!existsSync(screenshot)) fail('no screenshot was saved');
  return `${browser.replace('browser: ', 'Chromium ')}: ${checks}; screenshot ${screenshot}`;
});

step('time the CLI on the latest layer (npx tlforge generate api.tl mtproto.tl)', () => {
  const schemaDir = join(appDir, 'schema-latest');
  mkdirSync(schemaDir);
  for (const file of ['api.tl', 'mtproto.tl'])
    cpSync(join(repoRoot, 'schema/latest', file), join(schemaDir, file));
  const outDir = join(appDir, 'latest-generated');
  const result = tlforge(
    ['generate', 'schema-latest/api.tl', 'schema-latest/mtproto.tl', '--out', 'latest-generated'],
    outDir,
  );
  const summary = result.stdout.split('\n').find((line) => line.startsWith('layer ')) ?? '';
  const bytes = listFiles(outDir).reduce((sum, f) => sum + readFileSync(join(outDir, f)).length, 0);
  return `${seconds(result.milliseconds)} for ${summary}; ${listFiles(outDir).length} file(s), ${formatSize(bytes)}`;
});

finish();
