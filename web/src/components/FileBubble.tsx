import { useTranslation } from 'react-i18next';
import { PREVIEW_TYPES, contentUrl, formatBytes, type FileView } from '../api/filesApi';
import { Icon } from './Icon';

/** FileBubble: a file in a chat, its image preview, name and size, the name a download link. */
export function FileBubble({ file, className }: { file: FileView; className: string }) {
  const { t } = useTranslation();
  return (
    <div className={`${className} chat__file`} data-file={file.id}>
      {PREVIEW_TYPES.has(file.mediaType) && (
        <img className="chat__preview" src={contentUrl(file.id, true)} alt={t('files.preview', { name: file.name })} loading="lazy" />
      )}
      <a className="chat__file-link" href={contentUrl(file.id)} download={file.name} aria-label={t('files.download', { name: file.name })}>
        <span className="chat__file-name">
          <Icon name="file" size={16} /> {file.name}
        </span>
        <span className="chat__file-size">{formatBytes(file.sizeBytes)}</span>
      </a>
    </div>
  );
}
