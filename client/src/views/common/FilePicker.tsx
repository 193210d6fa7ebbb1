/**
 * A file picker in the page's language: the native input stays (keyboard,
 * screen readers, drag and drop) but is hidden behind a button-like label and
 * the chosen file's name, so no "Choose File / No file chosen" from the browser.
 */
import { useTranslation } from 'react-i18next';

export function FilePicker({ id, label, accept, file, onFile }: { id: string; label: string; accept: string; file: File | null; onFile: (file: File | null) => void }) {
  const { t } = useTranslation();
  return (
    <div className="file-picker">
      <span id={`${id}-label`} className="file-picker-label">
        {label}
      </span>
      <span className="file-picker-row">
        <input
          id={id}
          type="file"
          className="file-picker-input"
          accept={accept}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-name`}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
        <label htmlFor={id} className="button file-picker-button" aria-hidden="true">
          {t('filePicker.choose')}
        </label>
        <span id={`${id}-name`} className="file-picker-name">
          {file ? file.name : t('filePicker.none')}
        </span>
      </span>
    </div>
  );
}
