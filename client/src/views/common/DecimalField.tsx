/**
 * A decimal number typed the way the page's language writes it (3,8 in
 * German). The browser's number field shows "3.8" on a German page and its
 * own English bubbles; this one is text, read by the app (decimal.ts).
 * While it is edited the typed text stays as typed; the value changes only
 * when the text is a number within the range. On leaving the field a number
 * outside is set to the nearest bound and anything else gives way to the last
 * value, and the field says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDecimal, readDecimal } from './decimal';
import './fields.css';

type Note = { kind: 'clamped' | 'restored'; value: number };

export function DecimalField({
  id,
  label,
  value,
  min,
  max,
  digits = 1,
  step,
  inline = false,
  onChange,
}: {
  id: string;
  label: string;
  value: number;
  min: number;
  max: number;
  /** Decimal places kept (and shown at most). */
  digits?: number;
  /** What the arrow keys add or take away, as in a number field; none without it. */
  step?: number;
  /** Label, field and message in one line (inside a list row). */
  inline?: boolean;
  /** Called only with a number from min to max. */
  onChange: (value: number) => void;
}) {
  const { t, i18n } = useTranslation();
  /** The text being edited; null while the field shows the value. */
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const range = { min, max, digits };
  const format = (n: number) => formatDecimal(n, i18n.language, digits);
  const reading = text === null ? null : readDecimal(text, range);
  const invalid = reading !== null && reading.status !== 'ok';
  const words = { min: format(min), max: format(max) };
  const said = invalid
    ? t('formCheck.decimal', words)
    : note && t(note.kind === 'clamped' ? 'formCheck.decimalClamped' : 'formCheck.decimalRestored', { ...words, value: format(note.value) });
  const messageId = `${id}-message`;

  const type = (next: string) => {
    setText(next);
    setNote(null);
    const read = readDecimal(next, range);
    if (read.status === 'ok' && read.value !== value) onChange(read.value);
  };

  return (
    <div className={inline ? 'decimal-field inline' : 'decimal-field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        className="narrow"
        value={text ?? format(value)}
        aria-invalid={invalid || undefined}
        aria-describedby={said ? messageId : undefined}
        onFocus={() => setText(format(value))}
        onChange={(e) => type(e.target.value)}
        onKeyDown={(e) => {
          if (!step || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          const from = reading?.status === 'ok' ? reading.value : value;
          const next = Math.min(max, Math.max(min, from + (e.key === 'ArrowUp' ? step : -step)));
          type(format(Math.round(next * 10 ** digits) / 10 ** digits));
        }}
        onBlur={() => {
          if (reading?.status === 'outOfRange') {
            onChange(reading.clamped);
            setNote({ kind: 'clamped', value: reading.clamped });
          } else if (reading?.status === 'notNumber') {
            setNote({ kind: 'restored', value });
          }
          setText(null);
        }}
      />
      {/* Always there, so that screen readers hear what appears in it. */}
      <span id={messageId} className={`decimal-message ${invalid ? 'error' : 'hint'}`} aria-live="polite">
        {said}
      </span>
    </div>
  );
}
