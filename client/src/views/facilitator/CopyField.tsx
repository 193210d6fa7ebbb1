/** A read-only link with a copy button (the text stays selectable where the clipboard is not available, e.g. plain http in the LAN). */
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyField({ id, label, value, inputRef }: { id: string; label: string; value: string; inputRef?: Ref<HTMLInputElement> }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={inputRef} value={value} readOnly onFocus={(e) => e.target.select()} />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(value).then(() => setCopied(value));
          }}
        >
          {copied === value ? t('facilitator.copied') : t('facilitator.copy')}
        </button>
      </div>
    </div>
  );
}
