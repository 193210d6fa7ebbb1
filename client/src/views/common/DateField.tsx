/**
 * A date typed the way the page's language writes it (24.11.2026), checked by
 * the app. The browser's own date field shows its own format and language
 * (mm/dd/yyyy on an English system), whatever the page says.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "24.11.2026", "24.11.26" is not accepted; "2026-11-24" is. null: not a date. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function formatDate(iso: string | null | undefined): string {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}

export function DateField({
  id,
  label,
  value,
  onChange,
  className,
  showInvalid,
}: {
  id: string;
  label: string;
  /** ISO date or null (no date). */
  value: string | null;
  /** A valid date (or empty = null) and true; or, while the text is not a date, the last value and false. */
  onChange: (value: string | null, valid: boolean) => void;
  className?: string;
  /** Say that the text is not a date: after a try to send the form (not on blur, which would move the button being clicked). */
  showInvalid: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => formatDate(value));
  const parsed = text.trim() === '' ? null : parseDate(text);
  const invalid = text.trim() !== '' && parsed === null;
  // A new value from outside (the server's configuration): show it, unless it is what is typed here.
  useEffect(() => {
    if (value !== parsed) setText(formatDate(value));
  }, [value]);
  const showError = invalid && showInvalid;
  return (
    <div className={`date-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('dateField.placeholder')}
        className="date-input"
        value={text}
        aria-invalid={showError || undefined}
        aria-describedby={showError ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const date = next.trim() === '' ? null : parseDate(next);
          onChange(date ?? (next.trim() === '' ? null : value), next.trim() === '' || date !== null);
        }}
      />
      <span id={`${id}-hint`} className="hint">
        {t('dateField.hint')}
      </span>
      {showError && (
        <span id={`${id}-error`} role="alert" className="error">
          {t('dateField.invalid')}
        </span>
      )}
    </div>
  );
}
