/** Why a camera or microphone could not be used; the UI translates it (`media.camera.<code>`). */
export type MediaErrorCode =
  | 'permission_denied'
  | 'not_found'
  | 'in_use'
  | 'insecure_context'
  | 'unknown';

/**
 * mediaErrorCode classifies a getUserMedia failure by its DOMException name
 * (https://w3c.github.io/mediacapture-main/#dom-mediadevices-getusermedia).
 */
export function mediaErrorCode(error: unknown): MediaErrorCode {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'permission_denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'not_found';
    case 'NotReadableError':
    case 'AbortError':
    case 'TrackStartError':
      return 'in_use';
    default:
      return 'unknown';
  }
}
