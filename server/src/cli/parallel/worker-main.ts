/**
 * The entry of a worker thread (bundled to `dist/cli/sop-worker.js`): runs the script
 * tasks the main thread sends, one message each, and answers with their outcomes. It has
 * its own language services, so its parses and lint caches never cross threads.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSopServices } from '../../language';
import { runScriptTask, type TaskSetup } from '../script-task';
import type { ToMain, ToWorker } from './messages';

const setup = workerData as TaskSetup;
const services = createSopServices({ locale: setup.locale, incremental: false });
const port = parentPort!;

port.on('message', (message: ToWorker) => {
  runScriptTask(message.input, setup, services).then(
    (outcome) => port.postMessage({ id: message.id, outcome } satisfies ToMain),
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      const stack = error instanceof Error ? error.stack : undefined;
      port.postMessage({ id: message.id, error: text, stack } satisfies ToMain);
    },
  );
});
