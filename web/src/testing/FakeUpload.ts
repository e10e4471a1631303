import type { UploadRequest } from '../api/accountApi';

/**
 * An in-memory XMLHttpRequest for the avatar upload: it records what was opened, the headers and
 * the body, and lets the test play the server (progress, answer, network error).
 */
export class FakeUpload implements UploadRequest {
  status = 0;
  responseText = '';
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: ((event: ProgressEvent) => void) | null = null;
  onerror: ((event: ProgressEvent) => void) | null = null;
  onabort: ((event: ProgressEvent) => void) | null = null;
  method = '';
  url = '';
  readonly headers: Record<string, string> = {};
  body: Blob | null = null;
  aborted = false;
  private responseHeaders: Record<string, string> = {};

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }

  send(body: Blob): void {
    this.body = body;
  }

  abort(): void {
    this.aborted = true;
    this.onabort?.({} as ProgressEvent);
  }

  /** Part of the body went up. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }

  /** The server answered. */
  respond(status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.status = status;
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
    this.responseHeaders = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    this.onload?.({} as ProgressEvent);
  }

  /** The connection failed. */
  fail(): void {
    this.onerror?.({} as ProgressEvent);
  }
}
