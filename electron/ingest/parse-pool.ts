import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { mergeRanges, splitPages } from './page-ranges';
import type { ParseJob, ParsedDocument } from './parsed';
import type { PoolMessage, TaskMessage, WorkerReply } from './worker-protocol';

export interface ParsePoolOptions {
  /** The bundled worker entry (see ingestWorkerBeside). */
  workerFile: string;
  /** Worker threads; default: the cores this process may use. */
  size?: number;
  /** V8 heap limit of each worker: a file needing more (a zip bomb, a pathological PDF) fails as unsafe_file. */
  maxWorkerMemoryMb?: number;
  /** A file not parsed within this time fails as parse_failed (its workers are replaced). */
  timeoutMs?: number;
}

export interface ParsePoolStats {
  workers: number;
  /** Tasks running: a file, or one page range of a large PDF. */
  busy: number;
  queued: number;
}

export interface ParsePool {
  /** Parses one file off the main thread; rejects with an AppError (`cancelled` when `signal` aborts). */
  parse(job: ParseJob, signal?: AbortSignal): Promise<ParsedDocument>;
  stats(): ParsePoolStats;
  /** Cancels what is pending and stops the workers. */
  close(): Promise<void>;
}

export const DEFAULT_WORKER_MEMORY_MB = 1024;
export const DEFAULT_PARSE_TIMEOUT_MS = 120_000;

/**
 * The worker bundle next to the bundle that is running: out/node/cli.cjs → out/node/ingest-worker.cjs,
 * out/main/index.js → out/main/ingest-worker.js. Call with the caller's own `__filename`.
 */
export const ingestWorkerBeside = (bundleFile: string): string =>
  path.join(path.dirname(bundleFile), `ingest-worker${path.extname(bundleFile)}`);

interface Run {
  file: string;
  /** One result per page range, in page order; a single entry unless the file was split. */
  parts: (ParsedDocument | undefined)[];
  /** Tasks queued or running. */
  tasks: Set<Task>;
  started: boolean;
  settled: boolean;
  timer?: NodeJS.Timeout;
  resolve(doc: ParsedDocument): void;
  reject(err: AppError): void;
}

interface Task {
  run: Run;
  index: number;
  message: TaskMessage;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

class Pool implements ParsePool {
  private readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly runs = new Set<Run>();
  private readonly exits = new Set<Promise<number>>();
  private closed = false;

  constructor(private readonly options: ParsePoolOptions) {
    this.size = Math.max(1, options.size ?? os.availableParallelism());
  }

  parse(job: ParseJob, signal?: AbortSignal): Promise<ParsedDocument> {
    const file = job.name;
    if (this.closed) return Promise.reject(new AppError('cancelled', 'the parser pool is closed', { file }));
    if (signal?.aborted) return Promise.reject(new AppError('cancelled', `${file}: import cancelled`, { file }));
    // One copy into shared memory: the caller keeps its bytes, every range worker reads these.
    const bytes = new Uint8Array(new SharedArrayBuffer(job.bytes.byteLength));
    bytes.set(job.bytes);
    return new Promise<ParsedDocument>((resolve, reject) => {
      const onAbort = () => this.fail(run, new AppError('cancelled', `${file}: import cancelled`, { file }));
      const run: Run = {
        file,
        parts: [undefined],
        tasks: new Set(),
        started: false,
        settled: false,
        resolve: (doc) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(doc);
        },
        reject: (err) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.runs.add(run);
      this.enqueue([
        { run, index: 0, message: { type: 'task', name: file, kind: job.kind, password: job.password, bytes } },
      ]);
      this.pump();
    });
  }

  stats(): ParsePoolStats {
    return { workers: this.slots.length, busy: this.slots.filter((s) => s.task).length, queued: this.queue.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const run of [...this.runs])
      this.fail(run, new AppError('cancelled', 'the parser pool is closed', { file: run.file }));
    for (const slot of [...this.slots]) this.retire(slot);
    await Promise.all(this.exits);
  }

  private enqueue(tasks: Task[], first = false) {
    for (const task of tasks) task.run.tasks.add(task);
    if (first) this.queue.unshift(...tasks);
    else this.queue.push(...tasks);
  }

  private pump() {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.slots.find((s) => !s.task) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private assign(slot: Slot, task: Task) {
    slot.task = task;
    slot.worker.ref();
    const { run, message } = task;
    if (!run.started) {
      run.started = true;
      const ms = this.options.timeoutMs ?? DEFAULT_PARSE_TIMEOUT_MS;
      run.timer = setTimeout(() => {
        this.fail(
          run,
          new AppError('parse_failed', `${run.file}: parsing took longer than ${ms / 1000} s`, {
            file: run.file,
            detail: 'timeout',
          }),
        );
      }, ms);
    }
    // A whole PDF may be split once its page count is known (see onReply).
    if (message.kind === 'pdf' && !message.pages && this.size > 1) task.message = { ...message, askRange: true };
    this.send(slot, task.message);
  }

  private send(slot: Slot, message: PoolMessage) {
    slot.worker.postMessage(message);
  }

  /** Workers nobody is waiting for: idle ones and those not started yet, less the queue. */
  private freeWorkers(): number {
    return Math.max(0, this.size - this.slots.filter((s) => s.task).length - this.queue.length);
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerFile, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxWorkerMemoryMb ?? DEFAULT_WORKER_MEMORY_MB },
    });
    const slot: Slot = { worker, task: null };
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (err: Error & { code?: string }) => {
      const file = slot.task?.run.file ?? '';
      const error =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new AppError('unsafe_file', `${file} needs more memory than a parser may use`, {
              file,
              detail: 'out of memory',
            })
          : new AppError('parse_failed', `${file}: the parser stopped: ${err.message}`, {
              file,
              detail: err.message.slice(0, 200),
            });
      this.crashed(slot, error);
    });
    worker.on('exit', (code) => {
      const file = slot.task?.run.file ?? '';
      this.crashed(
        slot,
        new AppError('parse_failed', `${file}: the parser exited (${code})`, { file, detail: `exit ${code}` }),
      );
    });
    this.slots.push(slot);
    return slot;
  }

  private onReply(slot: Slot, reply: WorkerReply) {
    const task = slot.task;
    if (!task) return;
    const { run } = task;
    if (reply.type === 'pageCount') {
      // Split across the workers free now: a busy pool parses files side by side instead.
      const ranges = splitPages(reply.pageCount, 1 + this.freeWorkers());
      run.parts = ranges.map(() => undefined);
      this.send(slot, { type: 'range', pages: ranges[0]! });
      const rest = ranges
        .slice(1)
        .map((pages, i) => ({ run, index: i + 1, message: { ...task.message, askRange: false, pages } }));
      this.enqueue(rest, true); // a file already started goes first: its memory is freed sooner
      this.pump();
      return;
    }
    this.release(slot);
    run.tasks.delete(task);
    if (reply.type === 'failed') {
      const { code, message, params } = reply.error;
      this.fail(run, new AppError(code, message, params)); // errors cross the thread as values
      return;
    }
    run.parts[task.index] = reply.result;
    if (run.tasks.size === 0) this.settle(run, () => run.resolve(mergeRanges(run.parts as ParsedDocument[])));
    this.pump();
  }

  private release(slot: Slot) {
    slot.task = null;
    slot.worker.unref(); // an idle pool never keeps the process alive
  }

  /** A worker died (out of memory, or a crash): its file fails, and a new worker takes its place on demand. */
  private crashed(slot: Slot, error: AppError) {
    if (!this.slots.includes(slot)) return;
    const run = slot.task?.run;
    this.retire(slot);
    if (run) this.fail(run, error);
  }

  private fail(run: Run, error: AppError) {
    this.settle(run, () => run.reject(error));
    for (const task of run.tasks) {
      const queued = this.queue.indexOf(task);
      if (queued >= 0) this.queue.splice(queued, 1);
      const slot = this.slots.find((s) => s.task === task);
      if (slot) this.retire(slot); // stopping a parse means stopping its thread
    }
    run.tasks.clear();
    this.pump();
  }

  private settle(run: Run, finish: () => void) {
    if (run.settled) return;
    run.settled = true;
    clearTimeout(run.timer);
    this.runs.delete(run);
    finish();
  }

  private retire(slot: Slot) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => {}); // it is going away; late errors have nobody to tell
    const exit = slot.worker.terminate();
    this.exits.add(exit);
    const forget = () => this.exits.delete(exit);
    exit.then(forget, forget);
  }
}

/** Parses files in worker threads: a crash, a memory blow-up or a hang costs a worker, never the app. */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const pool = new Pool(options);
  // Plain functions, so `parse: pool.parse` can be handed around unbound.
  return {
    parse: (job, signal) => pool.parse(job, signal),
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}
