import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AVATAR_TYPES, MAX_AVATAR_BYTES, type Account } from '../api/accountApi';
import { ApiError } from '../api/ApiError';
import { useAccount } from '../hooks/useAccount';
import { errorKey, type ErrorKey } from '../i18n/errorKey';
import { AccountAvatar } from './AccountAvatar';
import { Icon } from './Icon';

/** checkAvatarFile is the client's look at a chosen file: an image of at most 5 MiB. */
function checkAvatarFile(file: File): 'avatar_invalid' | 'avatar_too_large' | null {
  if (!file.type.startsWith('image/')) return 'avatar_invalid';
  if (file.size > MAX_AVATAR_BYTES) return 'avatar_too_large';
  return null;
}

function objectUrl(file: File): string | null {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
}

/**
 * AvatarUploader changes my avatar: choose an image (or drop one on the picture), see it, and
 * "Upload avatar" sends it with a progress bar. A file that is not an image or is over 5 MB is
 * refused before sending; the server's refusals are shown the same way.
 */
export function AvatarUploader({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { store } = useAccount();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<ErrorKey | null>(null);
  const [uploaded, setUploaded] = useState(false);
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);

  useEffect(() => () => abort.current?.abort(), []);
  useEffect(
    () => () => {
      if (preview !== null) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  const choose = (chosen: File | undefined) => {
    setUploaded(false);
    if (chosen === undefined) return;
    const problem = checkAvatarFile(chosen);
    setError(problem === null ? null : errorKey(problem));
    setFile(problem === null ? chosen : null);
    setPreview(problem === null ? objectUrl(chosen) : null);
  };

  const upload = async () => {
    if (file === null) return;
    setError(null);
    setProgress(0);
    const controller = new AbortController();
    abort.current = controller;
    try {
      await store.uploadAvatar(file, { onProgress: setProgress, signal: controller.signal });
      setFile(null);
      setPreview(null);
      setUploaded(true);
    } catch (e) {
      if (!controller.signal.aborted) setError(errorKey(e instanceof ApiError ? e.code : 'unknown'));
    } finally {
      if (!controller.signal.aborted) setProgress(null);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };

  const uploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);

  return (
    <div className="avatar-upload">
      <div
        className={`avatar-upload__drop${dragging ? ' avatar-upload__drop--active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {preview !== null ? (
          <img className="account-avatar account-avatar--large" src={preview} alt={t('profile.preview')} />
        ) : (
          <AccountAvatar account={account} size="large" />
        )}
        <p className="hint">{t('profile.avatarHint')}</p>
      </div>
      <div className="avatar-upload__actions">
        <label className="button button--secondary file-button">
          <input
            className="visually-hidden"
            type="file"
            accept={AVATAR_TYPES.join(',')}
            disabled={uploading}
            onChange={(event) => {
              choose(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          {t('profile.chooseImage')}
        </label>
        <button
          type="button"
          className="button button--primary"
          disabled={file === null || uploading}
          aria-busy={uploading}
          onClick={() => void upload()}
        >
          {t('profile.upload')}
        </button>
      </div>
      {uploading && (
        <div className="upload-progress">
          <progress aria-label={t('profile.progress')} max={100} value={percent} />
          <span aria-hidden="true">{percent}%</span>
        </div>
      )}
      {error !== null && (
        <p className="form-error" role="alert">
          <Icon name="alert" size={16} />
          {t(error)}
        </p>
      )}
      <p className="form-success" role="status">
        {uploading ? t('profile.uploading') : uploaded ? t('profile.uploaded') : ''}
      </p>
    </div>
  );
}
