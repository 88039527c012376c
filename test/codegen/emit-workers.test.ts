// `tlforge generate` prints the modules on a worker thread (emit-workers.ts) while the main thread
// writes the statements of the next. Whatever the workers do (answer out of order, fail, die, answer
// with other files), the files written, their order, their bytes and the summary are those of
// generation in one thread, and so are the errors.

import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type EmitWorkerSettings, startEmitWorkers } from '../../packages/codegen/src/emit/emit-workers.ts';
import {
  type GenerateOptions,
  type GenerateSummary,
  generateSchemaSet,
  generateSchemaSetInParallel,
} from '../../packages/codegen/src/emit/generate.ts';
import { loadSchema } from '../../packages/codegen/src/model/load-schema.ts';
import { removeScratch, scratchDir } from '../support/scratch.ts';

const scratch = scratchDir('tlforge-workers-');
afterAll(() => removeScratch(scratch));

const latest = ['schema/latest/api.tl', 'schema/latest/mtproto.tl'];
const sourceWorker = new URL('../support/emit-worker-source.mjs', import.meta.url);
const printerSource = pathToFileURL(join(process.cwd(), 'packages/codegen/src/emit/module-printer.ts')).href;

/**
 * A worker of the test's own: `body` handles `message` (the main thread's) with `printer`, a
 * `ModulePrinter` made from the start message, and `reply(message)` posting an answer.
 */
function fakeWorker(name: string, body: string): URL {
  const path = join(scratch, `${name}.mjs`);
  writeFileSync(
    path,
    `import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';
register();
const { ModulePrinter } = await import(${JSON.stringify(printerSource)});
let printer;
const reply = (message) => parentPort.postMessage(message);
parentPort.on('message', (message) => {
  if (message.kind === 'start') {
    printer = new ModulePrinter(message.printing);
    return;
  }
  ${body}
});
`,
  );
  return pathToFileURL(path);
}

interface Written {
  summary: Omit<GenerateSummary, 'files' | 'milliseconds'>;
  /** Each file written, relative to the output folder, in the summary's order, with its text. */
  files: Array<[string, string]>;
}

function written(outDir: string, summary: GenerateSummary): Written {
  const { files, milliseconds: _, ...rest } = summary;
  return { summary: rest, files: files.map((file) => [relative(outDir, file), readFileSync(file, 'utf8')]) };
}

let runs = 0;

function inOneThread(options: Omit<GenerateOptions, 'outDir'>): Written {
  const outDir = join(scratch, `one-${++runs}`);
  return written(outDir, generateSchemaSet({ ...options, outDir }));
}

async function inParallel(
  options: Omit<GenerateOptions, 'outDir'>,
  settings: EmitWorkerSettings,
): Promise<Written & { printedByWorkers: number }> {
  const outDir = join(scratch, `parallel-${++runs}`);
  const workers = startEmitWorkers(settings);
  if (workers === undefined) throw new Error('no worker started');
  try {
    const summary = await generateSchemaSetInParallel({ ...options, outDir }, undefined, workers);
    return { ...written(outDir, summary), printedByWorkers: workers.printedModules };
  } finally {
    await workers.close();
  }
}

/** The error `run` throws, as its class, kind and message. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    const { kind } = error as { kind?: unknown };
    return { type: (error as object).constructor.name, kind, message: (error as Error).message };
  }
  return 'nothing thrown';
}

describe('emitting on worker threads', () => {
  const documented = { files: latest, docs: 'schema/docs/layer228.json' };
  const expected = inOneThread(documented);

  it('writes the files of generation in one thread, in its order, every module printed by the worker', async () => {
    const parallel = await inParallel(documented, { entry: sourceWorker });
    expect(parallel.files.map(([path]) => path)).toEqual(expected.files.map(([path]) => path));
    expect(parallel.files).toEqual(expected.files);
    expect(parallel.summary).toEqual(expected.summary);
    expect(parallel.printedByWorkers).toBe(expected.files.length);
  });

  it('writes the same JavaScript and declarations with two workers sharing the modules', async () => {
    const options = {
      files: latest,
      emit: 'js',
      long: 'bigint',
      importExtension: 'none',
      only: ['messages.sendMessage', 'updates.getDifference'],
    } as const;
    const parallel = await inParallel(options, { entry: sourceWorker, count: 2 });
    expect(parallel.files).toEqual(inOneThread(options).files);
    expect(parallel.printedByWorkers).toBe(parallel.files.length / 2);
  });

  it('writes the files in module order however late and out of order the answers come', async () => {
    const shuffled = fakeWorker(
      'shuffled',
      `const files = [printer.print(message.module, message.statements)];
  setTimeout(() => reply({ module: message.module, files }), Math.random() * 40);`,
    );
    const parallel = await inParallel(documented, { entry: shuffled, count: 2 });
    expect(parallel.files).toEqual(expected.files);
    expect(parallel.printedByWorkers).toBe(expected.files.length);
  });

  it("writes what the worker printed: a worker's file is not printed again", async () => {
    const marking = fakeWorker(
      'marking',
      `const file = printer.print(message.module, message.statements);
  reply({ module: message.module, files: [{ path: file.path, text: file.text + '// printed by the worker\\n' }] });`,
    );
    const parallel = await inParallel(documented, { entry: marking });
    expect(parallel.files).toEqual(
      expected.files.map(([path, text]) => [path, `${text}// printed by the worker\n`]),
    );
  });

  /** What a failing worker does, and how many modules it still prints. */
  const failingWorkers: Array<[string, string, number]> = [
    ['answers that it failed', `reply({ module: message.module, failure: 'printing failed' });`, 0],
    [
      'answers with the file of another module',
      `reply({ module: message.module, files: [{ path: 'x.ts', text: '' }] });`,
      0,
    ],
    ['answers with too few files', 'reply({ module: message.module, files: [] });', 0],
    ['throws', `throw new Error('the worker broke');`, 0],
    [
      'exits after the first module',
      `reply({ module: message.module, files: [printer.print(message.module, message.statements)] });
  process.exit(3);`,
      1,
    ],
  ];
  for (const [what, body, printed] of failingWorkers) {
    it(`prints on the main thread what a worker that ${what} was sent`, async () => {
      const parallel = await inParallel(documented, { entry: fakeWorker(what.replace(/\W+/g, '-'), body) });
      expect(parallel.files).toEqual(expected.files);
      expect(parallel.summary).toEqual(expected.summary);
      expect(parallel.printedByWorkers).toBe(printed);
    });
  }

  it('prints on the main thread what a worker that never answers was sent, once it stalls', async () => {
    const silent = fakeWorker('silent', '// never answers');
    const parallel = await inParallel(documented, { entry: silent, stallTimeout: 300 });
    expect(parallel.files).toEqual(expected.files);
    expect(parallel.summary).toEqual(expected.summary);
    expect(parallel.printedByWorkers).toBe(0);
  });

  it('prints one schema set at a time: a second while the first is out is refused', async () => {
    const workers = startEmitWorkers({
      entry: fakeWorker('silent-2', '// never answers'),
      stallTimeout: 300,
    })!;
    try {
      const first = generateSchemaSetInParallel(
        { ...documented, outDir: join(scratch, 'first') },
        undefined,
        workers,
      );
      const second = generateSchemaSetInParallel(
        { ...documented, outDir: join(scratch, 'second') },
        undefined,
        workers,
      );
      await expect(second).rejects.toThrow(
        'the workers are still printing the modules of another schema set',
      );
      expect(written(join(scratch, 'first'), await first).files).toEqual(expected.files);
    } finally {
      await workers.close();
    }
  });

  it('prints on the main thread when the worker cannot start', async () => {
    const missing = pathToFileURL(join(scratch, 'no-such-worker.mjs'));
    const parallel = await inParallel(documented, { entry: missing });
    expect(parallel.files).toEqual(expected.files);
    expect(parallel.printedByWorkers).toBe(0);
  });

  it('fails as generation in one thread does', async () => {
    const cases: Array<Omit<GenerateOptions, 'outDir'>> = [
      { files: latest, only: ['messages.sendMessage', 'noSuchMethod'] },
      { files: latest, emit: 'js', importExtension: 'ts' },
      { files: latest, docs: join(scratch, 'missing.json') },
      { files: ['test/fixtures/bad-schema.tl'] },
    ];
    for (const options of cases) {
      const outDir = join(scratch, `failed-${++runs}`);
      const inOne = await failure(() => generateSchemaSet({ ...options, outDir }));
      expect(inOne).not.toBe('nothing thrown');
      const workers = startEmitWorkers({ entry: sourceWorker })!;
      try {
        expect(
          await failure(() => generateSchemaSetInParallel({ ...options, outDir }, undefined, workers)),
        ).toEqual(inOne);
      } finally {
        await workers.close();
      }
    }
  });

  it('refuses a model the emitter cannot express as generation in one thread does', async () => {
    const schema = join(scratch, 'clash.tl');
    writeFileSync(schema, 'fooBar#1 = T;\nfoo_bar#2 = T;\n');
    // Given without the diagnostics `check` finds: the emitter itself meets the clash.
    const checked = { model: loadSchema([schema]).model, diagnostics: [] };
    const options = { files: [schema], outDir: join(scratch, 'clash') };
    const inOne = await failure(() => generateSchemaSet(options, checked));
    expect(inOne).toMatchObject({ type: 'TlEmitError', kind: 'name-clash' });
    const workers = startEmitWorkers({ entry: sourceWorker })!;
    try {
      expect(await failure(() => generateSchemaSetInParallel(options, checked, workers))).toEqual(inOne);
    } finally {
      await workers.close();
    }
  });
});
