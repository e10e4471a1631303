import { createSHA256 } from 'hash-wasm';
import * as tus from 'tus-js-client';
import { ApiError } from '../api/ApiError';
import { UPLOADS, instantFile, sendFileMessage } from '../api/filesApi';
import { CSRF_HEADER } from '../api/request';

/** What a transfer is doing. */
export type Phase = 'hashing' | 'uploading' | 'paused' | 'sending' | 'done' | 'failed';

/** Where files go: a conversation (`c:<id>`) or a meeting's chat (`m:<number>`). */
export interface TransferTarget {
  /** Which rows and unfinished uploads belong to it. */
  key: string;
  /** Sends a finished file there. */
  deliver(fileId: string): Promise<void>;
}

/** conversationTarget sends files into a conversation. */
export function conversationTarget(conversationId: number): TransferTarget {
  return { key: `c:${conversationId}`, deliver: async (fileId) => void (await sendFileMessage(conversationId, crypto.randomUUID(), fileId)) };
}

/** One file being sent somewhere. */
export interface Transfer {
  key: string;
  /** Its target's key. */
  target: string;
  name: string;
  size: number;
  phase: Phase;
  /** Bytes hashed or uploaded so far. */
  done: number;
  /** Bytes per second, smoothed; 0 while unknown. */
  speed: number;
  /** Sent at once from its hash (秒传). */
  instant: boolean;
  /** The error code of a failed transfer. */
  error: string | null;
  /** Where an upload an earlier visit left went on from, in bytes; null for a new one. */
  resumedFrom: number | null;
}

/** An upload the browser remembers from an earlier visit, to be continued with its file. */
export interface Unfinished {
  name: string;
  size: number;
  target: string;
  urlStorageKey: string;
}

/** How much of a file is read at a time while hashing. */
const HASH_SLICE = 4 * 1024 * 1024;
/**
 * How much one PATCH carries. Chunks do not overlap (the server syncs each before it answers),
 * so bigger ones go faster: 32 MiB reached 0.75–0.87 of `dd` where 8 MiB reached 0.67–0.69
 * (docs/benchmarks.md §6). A pause or a closed tab loses nothing of a chunk: the server keeps
 * what arrived.
 */
export const CHUNK_BYTES = 32 * 1024 * 1024;

interface Running {
  transfer: Transfer;
  deliver: (fileId: string) => Promise<void>;
  file: File;
  upload: tus.Upload | null;
  cancelled: boolean;
  /** Resuming an earlier visit's upload: its first progress tells where it went on from. */
  resuming: boolean;
  lastBytes: number;
  lastTime: number;
}

/**
 * TransferStore sends files: it hashes each (SHA-256, streamed in slices, never the whole file
 * in memory), asks the server to send it instantly from the hash, and otherwise uploads it by
 * tus in chunks, resumable after a pause, a lost network, a restarted server or a closed tab
 * (the browser remembers unfinished uploads; choosing the same file again continues one). Then
 * it sends the file into the conversation.
 */
export class TransferStore {
  private transfers: Transfer[] = [];
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Set<() => void>();
  private counter = 0;
  state: readonly Transfer[] = [];

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** send starts sending files to a target, each on its own. */
  send(target: TransferTarget, files: Iterable<File>): void {
    for (const file of files) {
      const transfer: Transfer = {
        key: `t${++this.counter}`,
        target: target.key,
        name: file.name,
        size: file.size,
        phase: 'hashing',
        done: 0,
        speed: 0,
        instant: false,
        error: null,
        resumedFrom: null,
      };
      const run: Running = { transfer, deliver: target.deliver, file, upload: null, cancelled: false, resuming: false, lastBytes: 0, lastTime: performance.now() };
      this.running.set(transfer.key, run);
      this.transfers = [...this.transfers, transfer];
      this.emit();
      void this.run(run);
    }
  }

  /** pause stops an upload where it is; resume goes on from there. */
  pause(key: string): void {
    const run = this.running.get(key);
    if (run?.upload == null || run.transfer.phase !== 'uploading') return;
    void run.upload.abort(false);
    this.update(run, { phase: 'paused', speed: 0 });
  }

  resume(key: string): void {
    const run = this.running.get(key);
    if (run?.upload == null || run.transfer.phase !== 'paused') return;
    run.lastTime = performance.now();
    run.lastBytes = run.transfer.done;
    this.update(run, { phase: 'uploading' });
    run.upload.start();
  }

  /** cancel stops a transfer and deletes what the server has of it. */
  cancel(key: string): void {
    const run = this.running.get(key);
    if (run === undefined) return;
    run.cancelled = true;
    if (run.upload !== null) void run.upload.abort(true).catch(() => undefined);
    this.remove(key);
  }

  /** dismiss takes a finished or failed transfer off the list. */
  dismiss(key: string): void {
    this.remove(key);
  }

  /** unfinished lists the uploads an earlier visit left, for one target. */
  async unfinished(target: string): Promise<Unfinished[]> {
    if (!tus.canStoreURLs) return [];
    const all = await tus.defaultOptions.urlStorage.findAllUploads();
    return all
      .filter((u) => u.metadata.target === target)
      .filter((u) => ![...this.running.values()].some((r) => r.transfer.name === u.metadata.filename && r.transfer.size === u.size))
      .map((u) => ({ name: u.metadata.filename ?? '', size: u.size ?? 0, target, urlStorageKey: u.urlStorageKey }));
  }

  /** forget drops an unfinished upload the person does not want to continue (and its bytes). */
  async forget(unfinished: Unfinished): Promise<void> {
    const all = await tus.defaultOptions.urlStorage.findAllUploads();
    const found = all.find((u) => u.urlStorageKey === unfinished.urlStorageKey);
    if (found?.uploadUrl) {
      await tus.Upload.terminate(found.uploadUrl, { headers: { [CSRF_HEADER]: '1' } }).catch(() => undefined);
    }
    await tus.defaultOptions.urlStorage.removeUpload(unfinished.urlStorageKey);
  }

  private async run(run: Running): Promise<void> {
    const { file, transfer } = run;
    try {
      const upload = new tus.Upload(file, {
        endpoint: UPLOADS,
        chunkSize: CHUNK_BYTES,
        retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
        headers: { [CSRF_HEADER]: '1' },
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        metadata: { filename: file.name, filetype: file.type, target: transfer.target },
        onProgress: (sent) => this.progress(run, sent),
        onError: (e) => this.failed(run, e),
        onSuccess: () => void this.deliver(run, (upload.url ?? '').split('/').pop() ?? ''),
      });
      run.upload = upload;
      const previous = (await upload.findPreviousUploads()).find((p) => p.size === file.size && /^[0-9a-f]{64}$/.test(p.metadata.sha256 ?? ''));
      if (run.cancelled) return;
      if (previous !== undefined) {
        // An earlier visit's upload of this file: go on from where the server stands.
        upload.options.metadata = { ...upload.options.metadata, sha256: previous.metadata.sha256 ?? '' };
        upload.resumeFromPreviousUpload(previous);
        run.resuming = true;
        this.startUpload(run, upload);
        return;
      }
      const sha256 = await this.hash(run);
      if (run.cancelled) return;
      const instant = await instantFile(sha256, file.size, file.name, file.type);
      if (run.cancelled) return;
      if (instant !== null) {
        this.update(run, { instant: true, done: file.size });
        await this.deliver(run, instant.id);
        return;
      }
      upload.options.metadata = { ...upload.options.metadata, sha256 };
      this.startUpload(run, upload);
    } catch (e) {
      this.failed(run, e);
    }
  }

  private startUpload(run: Running, upload: tus.Upload): void {
    run.lastTime = performance.now();
    run.lastBytes = 0;
    this.update(run, { phase: 'uploading', done: 0, speed: 0 });
    upload.start();
  }

  /** The SHA-256 of a file, read a slice at a time. */
  private async hash(run: Running): Promise<string> {
    const sha = await createSHA256();
    sha.init();
    for (let offset = 0; offset < run.file.size && !run.cancelled; offset += HASH_SLICE) {
      const slice = new Uint8Array(await run.file.slice(offset, offset + HASH_SLICE).arrayBuffer());
      sha.update(slice);
      this.progress(run, Math.min(run.file.size, offset + HASH_SLICE));
    }
    return sha.digest('hex');
  }

  private progress(run: Running, bytes: number): void {
    if (run.resuming && run.transfer.phase === 'uploading') {
      run.resuming = false;
      run.lastBytes = bytes;
      this.update(run, { resumedFrom: bytes });
    }
    const now = performance.now();
    const seconds = (now - run.lastTime) / 1000;
    let speed = run.transfer.speed;
    if (seconds >= 0.5) {
      const instant = Math.max(0, bytes - run.lastBytes) / seconds;
      speed = speed === 0 ? instant : speed * 0.6 + instant * 0.4;
      run.lastTime = now;
      run.lastBytes = bytes;
    }
    this.update(run, { done: bytes, speed });
  }

  private async deliver(run: Running, fileId: string): Promise<void> {
    if (run.cancelled) return;
    this.update(run, { phase: 'sending', done: run.file.size, speed: 0 });
    try {
      await run.deliver(fileId);
      this.update(run, { phase: 'done' });
      // The message shows the file now; the row goes after a moment.
      setTimeout(() => this.remove(run.transfer.key), run.transfer.instant ? 2500 : 800);
    } catch (e) {
      this.failed(run, e);
    }
  }

  private failed(run: Running, e: unknown): void {
    if (run.cancelled || run.transfer.phase === 'paused') return;
    this.update(run, { phase: 'failed', speed: 0, error: errorCode(e) });
  }

  private update(run: Running, patch: Partial<Transfer>): void {
    run.transfer = { ...run.transfer, ...patch };
    this.transfers = this.transfers.map((t) => (t.key === run.transfer.key ? run.transfer : t));
    this.emit();
  }

  private remove(key: string): void {
    this.running.delete(key);
    this.transfers = this.transfers.filter((t) => t.key !== key);
    this.emit();
  }

  private emit(): void {
    this.state = this.transfers;
    this.listeners.forEach((l) => l());
  }
}

/** The error code of a failed transfer: the server's, or `network`. */
export function errorCode(e: unknown): string {
  if (e instanceof ApiError) return e.code;
  if (e instanceof tus.DetailedError) {
    const body = e.originalResponse?.getBody();
    try {
      const code = (JSON.parse(body ?? '') as { code?: unknown }).code;
      if (typeof code === 'string') return code;
    } catch {
      // not JSON
    }
    return e.originalResponse === null ? 'network' : 'server_error';
  }
  return 'network';
}

/** secondsLeft is the time a transfer still needs at its speed; null while unknown. */
export function secondsLeft(t: Transfer): number | null {
  if (t.speed <= 0 || t.phase !== 'uploading') return null;
  return Math.ceil((t.size - t.done) / t.speed);
}
