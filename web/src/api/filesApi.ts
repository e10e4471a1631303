import type { ChatMessage, FileView } from '../protocol/generated';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, type Fetch } from './request';

export type { FileView } from '../protocol/generated';

/** Where tus uploads are created (tus 1.0: creation, termination, checksum). */
export const UPLOADS = '/api/v1/uploads';

/** contentUrl is where a file's bytes are; `inline` shows an image in the page. */
export function contentUrl(fileId: string, inline = false): string {
  return `/api/v1/files/${encodeURIComponent(fileId)}/content${inline ? '?inline=1' : ''}`;
}

/** Images the server shows inline (never SVG). */
export const PREVIEW_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/**
 * instantFile makes a file of content the server already holds, from its hash alone (秒传).
 * Resolves null when the server does not hold it (`content_unknown`): then upload it.
 */
export async function instantFile(
  sha256: string,
  sizeBytes: number,
  name: string,
  mediaType: string,
  fetchFn: Fetch = browserFetch,
): Promise<FileView | null> {
  try {
    return (await apiRequest(fetchFn, '/api/v1/files', 'POST', { sha256, sizeBytes, name, mediaType })) as FileView;
  } catch (e) {
    if (e instanceof ApiError && e.code === 'content_unknown') return null;
    throw e;
  }
}

/** sendFileMessage sends a file I may read into a conversation, as a message of kind `file`. */
export async function sendFileMessage(
  conversationId: number,
  clientId: string,
  fileId: string,
  fetchFn: Fetch = browserFetch,
): Promise<ChatMessage> {
  return (await apiRequest(fetchFn, `/api/v1/conversations/${conversationId}/messages`, 'POST', { clientId, fileId })) as ChatMessage;
}

/** fileOf reads the file of a message of kind `file`; null for anything else or garbage. */
export function fileOf(message: { kind: string; body: string }): FileView | null {
  if (message.kind !== 'file') return null;
  try {
    const f = JSON.parse(message.body) as Partial<FileView>;
    if (typeof f.id !== 'string' || typeof f.name !== 'string' || typeof f.sizeBytes !== 'number') return null;
    return {
      id: f.id,
      name: f.name,
      sizeBytes: f.sizeBytes,
      mediaType: typeof f.mediaType === 'string' ? f.mediaType : 'application/octet-stream',
      sha256: typeof f.sha256 === 'string' ? f.sha256 : '',
      createdMs: typeof f.createdMs === 'number' ? f.createdMs : 0,
    };
  } catch {
    return null;
  }
}

/** formatBytes writes a size for people: 0 B, 999 B, 1.5 KB, 12 MB, 3.2 GB (1 KB = 1024 B). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
