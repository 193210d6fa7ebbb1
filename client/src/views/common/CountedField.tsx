/**
 * A text field with its label, an optional hint, a character counter and the
 * reason it was refused, all tied to it for screen readers: one line
 * (`rows` absent) or several.
 */
import type { Ref } from 'react';

export function CountedField({
  id,
  label,
  value,
  max,
  counter,
  onChange,
  rows,
  hint,
  error,
  inputRef,
}: {
  id: string;
  label: string;
  value: string;
  max: number;
  /** The counter in words, e.g. "12 von 80 Zeichen". */
  counter: string;
  onChange: (value: string) => void;
  rows?: number;
  hint?: string;
  error?: string | null;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const describedBy = [hint ? `${id}-hint` : '', `${id}-count`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const common = { id, value, maxLength: max, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} /> : <input {...common} ref={inputRef} autoComplete="off" onChange={(e) => onChange(e.target.value)} />}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <p id={`${id}-count`} className="hint counter">
        {counter}
      </p>
      {error && (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      )}
    </div>
  );
}
