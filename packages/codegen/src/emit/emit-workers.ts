// The worker thread that prints generated modules for `tlforge generate`. The main thread writes each
// module's statements (the emitter's work: classes, codecs, registry) and sends them over; the worker
// prints them with ts-morph, derives their imports and sends the file back. Started before the schema
// is checked, the worker loads ts-morph (and TypeScript, 300 ms of compiling) while the main thread
// checks, and the main thread never loads them. The main thread writes every file in the order
// `emitSchemaModule` gives them, so the output does not depend on which thread finished what first.
// A worker that cannot start, fails or dies costs time only: the main thread prints what it left.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { GeneratedFile } from './emit-schema-module.ts';
import type { EmitLanguage } from './generate-options.ts';
import type { ModulePrinting } from './module-printer.ts';

/**
 * Printing a module takes less time than writing its statements: one printing thread keeps up with
 * the main thread, and a second would only load TypeScript once more.
 */
export const MAX_EMIT_WORKERS = 1;

/** What the main thread sends a worker: how to print, then the statements of one module at a time. */
export type EmitWorkerMessage =
  | { kind: 'start'; printing: ModulePrinting; emit: EmitLanguage }
  | { kind: 'print'; module: string; statements: string[] };

/** A worker's answer for one module: its files (two for `emit: 'js'`), or that printing failed. */
export type EmitWorkerReply =
  | { module: string; files: GeneratedFile[] }
  | { module: string; failure: string };

export interface EmitWorkerSettings {
  /** How many workers; default: one per spare core, at most `MAX_EMIT_WORKERS`. */
  count?: number;
  /** The worker's module; default emit-worker.js beside this one. */
  entry?: URL;
  /** Node options of the workers; default the process's own. */
  execArgv?: string[];
  /**
   * How long the workers may go without answering while modules are out (ms, default 60 s): then
   * they are stopped and the main thread prints what they were sent. A stuck worker costs time, never
   * a `generate` that does not end.
   */
  stallTimeout?: number;
}

const DEFAULT_STALL_TIMEOUT = 60_000;

/**
 * Starts the workers; undefined when there is no spare core, when running from the TypeScript
 * sources without an `entry` (Node cannot start a worker on a .ts file), or when none can be created.
 */
export function startEmitWorkers(settings: EmitWorkerSettings = {}): EmitWorkers | undefined {
  const count = settings.count ?? Math.min(MAX_EMIT_WORKERS, availableParallelism() - 1);
  if (count < 1) return undefined;
  if (settings.entry === undefined && import.meta.url.endsWith('.ts')) return undefined;
  const entry = settings.entry ?? new URL('./emit-worker.js', import.meta.url);
  const workers: RunningWorker[] = [];
  for (let i = 0; i < count; i++) {
    try {
      workers.push(new RunningWorker(new Worker(entry, { execArgv: settings.execArgv })));
    } catch {
      break;
    }
  }
  return workers.length === 0
    ? undefined
    : new EmitWorkers(workers, settings.stallTimeout ?? DEFAULT_STALL_TIMEOUT);
}

type ReplyHandler = (module: string, files: GeneratedFile[] | undefined) => void;

/** One worker, the modules it has been sent and not answered yet, and where its answers go. */
class RunningWorker {
  /** The modules sent and not answered, with the length of their statements. */
  readonly outstanding = new Map<string, number>();
  onReply: ReplyHandler | undefined;
  private alive = true;

  constructor(readonly worker: Worker) {
    // Listening from the start: a worker that fails while the schema is checked must not be an
    // unhandled error, and what it was sent goes back to the main thread.
    worker.on('message', (reply: EmitWorkerReply) => {
      if (!this.outstanding.delete(reply.module)) return;
      this.onReply?.(reply.module, 'files' in reply ? reply.files : undefined);
    });
    const died = () => {
      this.alive = false;
      const lost = [...this.outstanding.keys()];
      this.outstanding.clear();
      for (const module of lost) this.onReply?.(module, undefined);
    };
    worker.once('error', died);
    worker.once('exit', died);
    // An answer that cannot be read names no module: the worker is given up, with all it was sent.
    worker.once('messageerror', () => {
      died();
      void worker.terminate();
    });
  }

  get load(): number {
    let total = 0;
    for (const length of this.outstanding.values()) total += length;
    return total;
  }

  /** Sends `message`; false when the worker is gone. */
  send(message: EmitWorkerMessage): boolean {
    if (!this.alive) return false;
    try {
      this.worker.postMessage(message);
      return true;
    } catch {
      return false;
    }
  }
}

export class EmitWorkers {
  /** How many modules the workers have printed (the rest, if any, the main thread printed). */
  printedModules = 0;

  private current: WorkerPrinter | undefined;

  constructor(
    private readonly workers: readonly RunningWorker[],
    private readonly stallTimeout: number,
  ) {}

  /**
   * Begins printing the modules of one schema set with `printing`; files as `emit` says. One schema
   * set at a time: the answers go to the printer that is open.
   */
  printer(printing: ModulePrinting, emit: EmitLanguage): WorkerPrinter {
    if (this.current?.busy)
      throw new Error('the workers are still printing the modules of another schema set');
    this.current = new WorkerPrinter(
      this.workers,
      printing,
      emit,
      () => this.printedModules++,
      this.stallTimeout,
    );
    return this.current;
  }

  /** Stops every worker, busy or not. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((running) => running.worker.terminate()));
  }
}

/** The modules of one schema set handed to the workers, and their files as they come back. */
export class WorkerPrinter {
  /** Each module sent and answered: its files, or undefined when the worker failed it. */
  private readonly results = new Map<string, GeneratedFile[] | undefined>();
  private readonly waiting = new Set<string>();
  private settle: (() => void) | undefined;
  /** Stops the workers when they have not answered for `stallTimeout` ms while `files` waits. */
  private watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly workers: readonly RunningWorker[],
    printing: ModulePrinting,
    private readonly emit: EmitLanguage,
    counted: () => void,
    private readonly stallTimeout: number,
  ) {
    const handler: ReplyHandler = (module, files) => {
      if (!this.waiting.delete(module)) return;
      const printed = this.expected(module, files);
      if (printed !== undefined) counted();
      this.results.set(module, printed);
      if (this.waiting.size === 0) {
        clearTimeout(this.watchdog);
        this.settle?.();
      } else if (this.watchdog !== undefined) {
        this.watchdog.refresh();
      }
    };
    for (const running of workers) {
      running.onReply = handler;
      running.send({ kind: 'start', printing, emit });
    }
  }

  /** Sends a module's statements to the worker with the least to print. */
  print(module: string, statements: string[]): void {
    let length = 0;
    for (const statement of statements) length += statement.length;
    const running = this.workers.reduce((least, w) => (w.load < least.load ? w : least));
    running.outstanding.set(module, length);
    this.waiting.add(module);
    if (!running.send({ kind: 'print', module, statements })) {
      running.outstanding.delete(module);
      this.waiting.delete(module);
      this.results.set(module, undefined);
    }
  }

  /** Modules sent and not answered yet. */
  get busy(): boolean {
    return this.waiting.size > 0;
  }

  /** Every module sent, with its files; undefined for those a worker failed or never answered. */
  async files(): Promise<ReadonlyMap<string, GeneratedFile[] | undefined>> {
    if (this.waiting.size > 0) {
      const answered = new Promise<void>((resolve) => (this.settle = resolve));
      // A stopped worker exits, and its modules come back unanswered (RunningWorker's `died`).
      this.watchdog = setTimeout(() => {
        for (const running of this.workers) {
          if (running.outstanding.size > 0) void running.worker.terminate();
        }
      }, this.stallTimeout);
      await answered;
    }
    return this.results;
  }

  /** `files` when they are the files of `module` (a `.ts` file, or a `.js` and a `.d.ts`), else undefined. */
  private expected(module: string, files: GeneratedFile[] | undefined): GeneratedFile[] | undefined {
    const paths = this.emit === 'ts' ? [`${module}.ts`] : [`${module}.js`, `${module}.d.ts`];
    const complete =
      files !== undefined &&
      files.length === paths.length &&
      files.every((file, i) => file.path === paths[i] && typeof file.text === 'string');
    return complete ? files : undefined;
  }
}
