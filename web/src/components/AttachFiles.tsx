import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

/** AttachFiles: the paperclip button ("Send files") and its file picker, several at once. */
export function AttachFiles({ onFiles, testId }: { onFiles(files: File[]): void; testId: string }) {
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="icon-button" aria-label={t('files.attach')} onClick={() => picker.current?.click()}>
        <Icon name="paperclip" size={16} />
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid={testId}
        onChange={(e) => {
          if (e.target.files !== null && e.target.files.length > 0) onFiles(Array.from(e.target.files));
          e.target.value = '';
        }}
      />
    </>
  );
}
