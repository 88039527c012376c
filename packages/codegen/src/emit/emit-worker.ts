// The worker thread of `tlforge generate` (see emit-workers.ts): loads ts-morph at once, while the
// main thread checks the schema, then prints the modules it is sent and answers with their files.

import { parentPort } from 'node:worker_threads';
import type { GeneratedFile } from './emit-schema-module.ts';
import type { EmitWorkerMessage, EmitWorkerReply } from './emit-workers.ts';
import type { EmitLanguage } from './generate-options.ts';
import { ModulePrinter } from './module-printer.ts';
import { transpileToJs } from './transpile-js.ts';
import { tsMorph } from './ts-morph.ts';

tsMorph();

let printer: ModulePrinter | undefined;
let emit: EmitLanguage = 'ts';

parentPort?.on('message', (message: EmitWorkerMessage) => {
  if (message.kind === 'start') {
    printer = new ModulePrinter(message.printing);
    emit = message.emit;
    return;
  }
  const { module } = message;
  let reply: EmitWorkerReply;
  try {
    if (printer === undefined) throw new Error(`${module} sent before the printing options`);
    const source: GeneratedFile = printer.print(module, message.statements);
    reply = { module, files: emit === 'ts' ? [source] : transpileToJs([source]) };
  } catch (failure) {
    // The main thread prints this module itself, and so meets the error where generation in one
    // thread would: only that it failed is needed here.
    reply = { module, failure: failure instanceof Error ? failure.message : String(failure) };
  }
  parentPort?.postMessage(reply);
});
