/**
 * Ends the process when its main thread stops answering, so that the service manager starts a
 * new one. Found by the disk-full fault test: when PGlite's write-ahead log cannot be written
 * (ENOSPC on a WAL segment), Postgres PANICs, and in the embedded database the next statement
 * never returns and spins the CPU — the server then holds its port and answers nothing,
 * forever. No code on the main thread can notice that (it is the thread that spins), so a worker
 * thread watches a heartbeat the main thread writes every second into shared memory; when it is
 * older than `stallMs`, the worker writes one line to stderr and sends the process SIGKILL
 * (`process.exit` in a worker ends only the worker). A restart recovers the database from its
 * log, as after a crash. The worker never keeps the process alive.
 */
import { Worker } from 'node:worker_threads';

export interface StallWatchdog {
  stop(): Promise<void>;
}

/** Milliseconds on the monotonic clock, the same in every thread of the process. */
const monotonicMs = (): number => Number(process.hrtime.bigint() / 1_000_000n);

// The worker's code, plain JavaScript (eval'd, without the process's loaders): the server also
// runs bundled into one file, where a second module file for the worker would not exist.
const WORKER = `
const { workerData } = process.getBuiltinModule('node:worker_threads');
const { writeSync } = process.getBuiltinModule('node:fs');
const beat = new Int32Array(workerData.buffer);
const now = () => Number(process.hrtime.bigint() / 1000000n) - workerData.base;
setInterval(() => {
  const silent = now() - Atomics.load(beat, 0);
  if (silent > workerData.stallMs) {
    writeSync(2, 'parley: the server has not answered for ' + Math.round(silent / 1000) + ' s (its database may have failed to write its log); ending the process so that it is started again.\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}, workerData.checkMs);
`;

export function startStallWatchdog(options: { readonly stallMs: number; readonly heartbeatMs?: number }): StallWatchdog {
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const base = monotonicMs();
  const beat = new Int32Array(new SharedArrayBuffer(4));
  const touch = (): void => void Atomics.store(beat, 0, monotonicMs() - base);
  touch();
  const heartbeat = setInterval(touch, heartbeatMs);
  heartbeat.unref();
  const worker = new Worker(WORKER, { eval: true, execArgv: [], workerData: { buffer: beat.buffer, base, stallMs: options.stallMs, checkMs: heartbeatMs } });
  worker.unref();
  return {
    async stop() {
      clearInterval(heartbeat);
      await worker.terminate();
    },
  };
}
